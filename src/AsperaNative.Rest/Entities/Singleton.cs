using AsperaNative.Core.Attributes;

namespace AsperaNative.Rest.Entities;

/// <summary>
/// A REST resource that exists once (settings of a user, the global transfer settings): ascli's entity commands
/// with <c>is_singleton</c> (<see cref="SingletonCommands"/>). <c>show</c> and <c>list</c> read the path,
/// <c>modify &lt;params&gt;</c> updates it, <c>create</c> and <c>delete</c> are refused with ascli's words.
/// Mount with <c>Verbs</c> to offer fewer words (Shares' global settings: <c>show|modify</c>).
/// </summary>
[CommandSet("singleton")]
public sealed class Singleton(RestClient api, string path)
{
    /// <summary>The resource as an entity whose item path is the resource itself.</summary>
    public Entity Resource { get; } = new(api, path);
}
