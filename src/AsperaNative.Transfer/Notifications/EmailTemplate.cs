using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.Core.Yaml;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Notifications;

/// <summary>
/// The ERB subset of e-mail templates: <c>&lt;%=expression%&gt;</c> where an expression is a variable followed by
/// <c>["key"]</c>, <c>[index]</c>, <c>.first</c>, <c>.last</c>, <c>.to_s</c>, <c>.to_json</c> or <c>.to_yaml</c>.
/// Ruby code beyond that cannot run here and is reported.
/// </summary>
public static partial class EmailTemplate
{
    [GeneratedRegex(@"<%=(.*?)%>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\G\s*(?:\[\s*(?:""(?<key>[^""]*)""|'(?<key>[^']*)'|(?<index>-?\d+))\s*\]|\.(?<method>first|last|to_s|to_json|to_yaml))")]
    private static partial Regex Accessor();

    [GeneratedRegex(@"^\s*(?<name>[a-z_][a-z0-9_]*)")]
    private static partial Regex Variable();

    public static string Render(string template, JsonObject values)
        => Tag().Replace(template, m => Evaluate(m.Groups[1].Value, values));

    private static string Evaluate(string expression, JsonObject values)
    {
        var v = Variable().Match(expression);
        if (!v.Success || !values.ContainsKey(v.Groups["name"].Value)) throw CliException.Other("NameError", $"undefined local variable or method `{expression.Trim()}'");
        JsonNode? value = values[v.Groups["name"].Value];
        int at = v.Length;
        string? format = null;
        while (at < expression.Length)
        {
            var a = Accessor().Match(expression, at);
            if (!a.Success || a.Length == 0)
            {
                if (expression[at..].Trim().Length == 0) break;
                throw CliException.Other("NotImplementedError", $"template expression not supported: {expression.Trim()}");
            }
            at += a.Length;
            if (a.Groups["key"].Success) value = value is JsonObject o ? o[a.Groups["key"].Value] : null;
            else if (a.Groups["index"].Success) value = value is JsonArray arr && int.Parse(a.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && (i < 0 ? arr.Count + i : i) is var j && j >= 0 && j < arr.Count ? arr[j] : null;
            else
            {
                switch (a.Groups["method"].Value)
                {
                    case "first": value = value is JsonArray f && f.Count > 0 ? f[0] : null; break;
                    case "last": value = value is JsonArray l && l.Count > 0 ? l[^1] : null; break;
                    default: format = a.Groups["method"].Value; break;
                }
            }
        }
        return format switch
        {
            "to_yaml" => YamlEmitter.Emit(value),
            "to_json" => value?.ToJsonString() ?? "null",
            _ => RubyToS.Of(value),
        };
    }

    /// <summary>SMTP wants CRLF line ends.</summary>
    internal static string Crlf(string text) => new StringBuilder(text.Replace("\r\n", "\n")).Replace("\n", "\r\n").ToString();
}
