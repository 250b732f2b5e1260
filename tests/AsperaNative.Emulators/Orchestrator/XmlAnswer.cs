using System.Text;
using System.Text.Json.Nodes;
using System.Xml;

namespace AsperaNative.Emulators.Orchestrator;

/// <summary>
/// Renders the JSON form of an answer as the Rails XML form Orchestrator gives: the single top-level
/// key is the root element, object keys are child elements, an array repeats its key's element,
/// null is an empty element with <c>nil="true"</c>.
/// </summary>
internal static class XmlAnswer
{
    public static string Render(JsonObject answer)
    {
        var (rootName, root) = answer.Single();
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            Write(writer, rootName, root);
            writer.WriteEndDocument();
        }
        // XmlWriter declares the StringBuilder's encoding (utf-16): the HTTP answer is UTF-8
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal) + "\n";
    }

    private static void Write(XmlWriter writer, string name, JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) Write(writer, name, item);
                break;
            case JsonObject obj:
                writer.WriteStartElement(name);
                foreach (var (key, value) in obj) Write(writer, key, value);
                writer.WriteEndElement();
                break;
            case null:
                writer.WriteStartElement(name);
                writer.WriteAttributeString("nil", "true");
                writer.WriteEndElement();
                break;
            default:
                // numbers and booleans as JSON writes them (1.5, true)
                writer.WriteElementString(name, node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString());
                break;
        }
    }
}
