using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Rest;

namespace AsperaNative.Auth.Cache;

/// <summary>Services of the auth library for plugin and group constructors.</summary>
[ServiceProviders]
public static class AuthServices
{
    /// <summary>The OAuth token cache of the configuration folder (<c>persist_store</c>), disabled by <c>--cache-tokens=no</c>.</summary>
    public static TokenCache Tokens(PluginContext context) => context.Once(static c =>
    {
        bool enabled = new RestOptions(c.Options).CacheTokens != false;
        return c.IsRegistered<ConfigPaths>()
            ? TokenCache.ForConfigFolder(c.Registered<ConfigPaths>().MainFolder, enabled)
            : new TokenCache(Path.Combine(c.ExtendedValues.HomeFolder, ".aspera", "ascli", "persist_store"), enabled);
    });
}
