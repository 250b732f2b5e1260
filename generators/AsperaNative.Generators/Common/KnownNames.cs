namespace AsperaNative.Generators.Common
{
    /// <summary>Metadata names of the attributes and runtime types the generators read and emit.</summary>
    internal static class KnownNames
    {
        public const string PluginAttribute = "AsperaNative.Core.Attributes.PluginAttribute";
        public const string CommandSetAttribute = "AsperaNative.Core.Attributes.CommandSetAttribute";
        public const string CommandGroupAttribute = "AsperaNative.Core.Attributes.CommandGroupAttribute";
        public const string CommandAttribute = "AsperaNative.Core.Attributes.CommandAttribute";
        public const string MountCommandsAttribute = "AsperaNative.Core.Attributes.MountCommandsAttribute";
        public const string CommandAliasAttribute = "AsperaNative.Core.Attributes.CommandAliasAttribute";
        public const string ArgumentAttribute = "AsperaNative.Core.Attributes.ArgumentAttribute";
        public const string ServiceProvidersAttribute = "AsperaNative.Core.Attributes.ServiceProvidersAttribute";
        public const string TransferAgentAttribute = "AsperaNative.Core.Attributes.TransferAgentAttribute";
        public const string OptionSetAttribute = "AsperaNative.Core.Attributes.OptionSetAttribute";
        public const string OptionAttribute = "AsperaNative.Core.Attributes.OptionAttribute";
        public const string PluginDescriptorProviderAttribute = "AsperaNative.Core.Attributes.PluginDescriptorProviderAttribute";
        public const string CommandSetProviderAttribute = "AsperaNative.Core.Attributes.CommandSetProviderAttribute";
        public const string ServiceProviderClassAttribute = "AsperaNative.Core.Attributes.ServiceProviderClassAttribute";
        public const string TransferAgentProviderAttribute = "AsperaNative.Core.Attributes.TransferAgentProviderAttribute";
        public const string PluginRegistryAttribute = "AsperaNative.Core.Attributes.PluginRegistryAttribute";
        public const string ApplicationDetector = "AsperaNative.Core.Commands.IApplicationDetector";
        public const string ApplicationWizard = "AsperaNative.Core.Commands.IApplicationWizard";
        public const string PluginContext = "AsperaNative.Core.Commands.PluginContext";
        public const string CommandContext = "AsperaNative.Core.Commands.CommandContext";
        public const string PendingArguments = "AsperaNative.Core.Commands.PendingArguments";
        public const string Result = "AsperaNative.Core.Results.Result";
        public const string JsonNode = "System.Text.Json.Nodes.JsonNode";
        public const string JsonObject = "System.Text.Json.Nodes.JsonObject";
        public const string JsonArray = "System.Text.Json.Nodes.JsonArray";

        /// <summary>Values of AsperaNative.Core.Options.OptionType, by ordinal.</summary>
        public static readonly string[] OptionTypes = { "String", "Integer", "Float", "Boolean", "Enum", "List", "Hash", "Date", "Flag" };

        /// <summary>Values of AsperaNative.Core.Commands.ArgumentKind, by ordinal.</summary>
        public static readonly string[] ArgumentKinds = { "String", "Value", "Hash", "Array", "Integer", "Pending" };
    }
}
