using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;

namespace AsperaNative.Rest.Entities;

/// <summary>
/// ascli's <c>do_bulk_operation</c>: one value, or with <c>--bulk=yes</c> each of a list, each giving a row with its
/// status (<c>created</c>, <c>deleted</c>, <c>added</c>…); with <c>--bfail=no</c> a failure is its row's status.
/// Entity create/delete use it, and product commands that act on lists of values (Shares' LDAP add, SAML import).
/// </summary>
public static class BulkOperation
{
    /// <summary>
    /// Runs <paramref name="action"/> on the value (or each value with <c>--bulk=yes</c>); <paramref name="command"/> is the
    /// verb whose past form is the status. A single result shows <paramref name="fields"/> (null: all) unless
    /// <paramref name="statusFields"/> asks for only the identifier and the status (ascli's default fields).
    /// </summary>
    public static async Task<Result> RunAsync(CommandOptions options, PluginContext context, string command, JsonNode values,
        Func<JsonNode, Task<JsonObject?>> action, string idField = "id", IReadOnlyList<string>? fields = null, bool statusFields = true)
    {
        bool bulk = options.Bulk == true;
        var items = bulk ? (JsonArray)values : new JsonArray(values.DeepClone());
        if (bulk && items.Count == 0) CoreServices.Log(context).Warn("Empty list given for bulk operation");
        var rows = new JsonArray();
        string status = command == "modify" ? "modified" : command + (command.EndsWith('e') ? "d" : "ed");
        foreach (var item in items)
        {
            var row = new JsonObject { [idField] = item?.DeepClone() };
            try
            {
                if (await action(item!) is { } result) row = result;
                row["status"] = status;
            }
            catch (CliException e) when (options.Bfail == false)
            {
                row["status"] = e.Message;
            }
            rows.Add((JsonNode)row);
        }
        string[] idAndStatus = [idField, "status"];
        if (bulk) return Result.ObjectList(rows, idAndStatus);
        return Result.SingleObject((JsonObject)rows[0]!, statusFields ? idAndStatus : fields);
    }
}
