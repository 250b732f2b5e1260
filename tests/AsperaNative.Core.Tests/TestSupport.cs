using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Options;

namespace AsperaNative.Core.Tests;

internal static class TestSupport
{
    public static ExtendedValueContext Context() => new(Terminal.Terminal.Test(), "/home/test");

    public static readonly OptionDescriptor[] Sample =
    [
        new("format", OptionType.Enum, "Output format") { Values = ["text", "nagios", "ruby", "json", "jsonpp", "yaml", "table", "csv", "image"], Default = "table" },
        new("fields", OptionType.String, "Fields") { Types = ["String", "Array", "Regexp", "Proc"] },
        new("select", OptionType.String, "Select") { Types = ["Hash", "Proc"] },
        new("table_style", OptionType.String, "Table style") { Types = ["Hash"] },
        new("flat_hash", OptionType.Boolean, "Flat") { Default = "yes" },
        new("field_sep", OptionType.String, "Sep"),
        new("log_level", OptionType.Enum, "Log level") { Values = ["debug", "info", "warn"], Default = "warn" },
        new("lock_port", OptionType.Integer, "Lock port"),
        new("ts", OptionType.Hash, "Transfer spec") { Cumulative = true, Types = ["Hash"] },
        new("no_default", OptionType.Flag, "No default") { Short = 'N' },
        new("preset", OptionType.String, "Preset") { Short = 'P' },
        new("show_config", OptionType.Flag, "Show config"),
    ];

    public static OptionStore Store(string options, IEnumerable<KeyValuePair<string, string>>? env = null)
    {
        var store = new OptionStore(options.Length == 0 ? [] : options.Split(' '), env ?? [], Context());
        store.Declare(Sample);
        return store;
    }
}
