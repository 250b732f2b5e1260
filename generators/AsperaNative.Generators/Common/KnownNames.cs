namespace AsperaNative.Generators.Common
{
    /// <summary>Metadata names of the attributes and runtime types the generators read and emit.</summary>
    internal static class KnownNames
    {
        public const string PluginAttribute = "AsperaNative.Core.Attributes.PluginAttribute";
        public const string CommandGroupAttribute = "AsperaNative.Core.Attributes.CommandGroupAttribute";
        public const string CommandAttribute = "AsperaNative.Core.Attributes.CommandAttribute";
        public const string OptionSetAttribute = "AsperaNative.Core.Attributes.OptionSetAttribute";
        public const string OptionAttribute = "AsperaNative.Core.Attributes.OptionAttribute";
        public const string PluginDescriptorProviderAttribute = "AsperaNative.Core.Attributes.PluginDescriptorProviderAttribute";
        public const string PluginRegistryAttribute = "AsperaNative.Core.Attributes.PluginRegistryAttribute";
        public const string PluginContext = "AsperaNative.Core.Commands.PluginContext";
        public const string CommandContext = "AsperaNative.Core.Commands.CommandContext";
        public const string Result = "AsperaNative.Core.Results.Result";

        /// <summary>Values of AsperaNative.Core.Options.OptionType, by ordinal.</summary>
        public static readonly string[] OptionTypes = { "String", "Integer", "Float", "Boolean", "Enum", "List", "Hash", "Date", "Flag" };
    }
}
