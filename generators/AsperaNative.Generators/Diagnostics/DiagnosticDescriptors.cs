using Microsoft.CodeAnalysis;

namespace AsperaNative.Generators.Diagnostics
{
    /// <summary>Every diagnostic of the generators: what ascli only asserts at run time, we refuse at build time.</summary>
    public static class DiagnosticDescriptors
    {
        private const string Category = "AsperaNative";

        public static readonly DiagnosticDescriptor DuplicateCommand = new DiagnosticDescriptor(
            "ASPN001", "Duplicate command", "Command '{0}' is declared more than once", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor DuplicateOption = new DiagnosticDescriptor(
            "ASPN002", "Duplicate option", "Option '{0}' is declared more than once", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor AmbiguousPosition = new DiagnosticDescriptor(
            "ASPN003", "Ambiguous command position", "Below '{0}' an identifier position cannot stand beside command words or other identifiers", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor UnknownPlugin = new DiagnosticDescriptor(
            "ASPN004", "Command group outside a plugin", "Command group path '{0}' does not start with a plugin declared in this assembly", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor BadCommandMethod = new DiagnosticDescriptor(
            "ASPN005", "Invalid command method", "Command method '{0}' must return Result, Task<Result> or ValueTask<Result> and take only a CommandContext and [Argument] parameters (string, long, JsonNode, JsonObject, JsonArray, nullable when optional; IReadOnlyList<string> or JsonArray with Multiple; PendingArguments), a Multiple or PendingArguments one last", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor BadOptionProperty = new DiagnosticDescriptor(
            "ASPN006", "Invalid option property", "Option property '{0}' must be a partial get-only property of type string, long, int, double, bool, JsonNode, JsonObject or JsonArray (nullable)", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor MissingSummary = new DiagnosticDescriptor(
            "ASPN007", "Missing help text", "'{0}' needs a <summary>: it is the help text", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor HelpStyle = new DiagnosticDescriptor(
            "ASPN008", "Help text style", "Help text of '{0}' must start with a capital letter and not end with a dot, as ascli's help does", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor BadConstructor = new DiagnosticDescriptor(
            "ASPN009", "Unsupported constructor parameter", "Constructor parameter '{0}' of '{1}' cannot be provided: use option sets, PluginContext, the plugin (or set scope) type, or a type returned by a [ServiceProviders] method", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor EnumWithoutValues = new DiagnosticDescriptor(
            "ASPN010", "Enum option without values", "Enum option '{0}' must list its Values", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor MountCollision = new DiagnosticDescriptor(
            "ASPN011", "Mount collision", "Command '{0}' is given by a mount and by another mount or command", Category, DiagnosticSeverity.Error, true);
        public static readonly DiagnosticDescriptor BadMount = new DiagnosticDescriptor(
            "ASPN012", "Invalid mount", "Mount of '{0}' {1}", Category, DiagnosticSeverity.Error, true);

        public static DiagnosticDescriptor ById(string id)
        {
            switch (id)
            {
                case "ASPN001": return DuplicateCommand;
                case "ASPN002": return DuplicateOption;
                case "ASPN003": return AmbiguousPosition;
                case "ASPN004": return UnknownPlugin;
                case "ASPN005": return BadCommandMethod;
                case "ASPN006": return BadOptionProperty;
                case "ASPN007": return MissingSummary;
                case "ASPN008": return HelpStyle;
                case "ASPN009": return BadConstructor;
                case "ASPN010": return EnumWithoutValues;
                case "ASPN011": return MountCollision;
                default: return BadMount;
            }
        }
    }
}
