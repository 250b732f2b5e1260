using System.Text.Json.Nodes;
using AsperaNative.Core.Results;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Aoc.Api;

/// <summary>
/// Short links on a shared folder or a shared inbox (ascli's <c>short_link_command</c>): private links are
/// <c>shared_folder_auth_link</c>, public ones carry a url token of the public purpose
/// (<c>view_shared_file</c> → <c>token_auth_redirection</c>, <c>send_package_to_dropbox</c>).
/// </summary>
public sealed class ShortLinks(RestClient api, JsonObject sharedData, string publicPurpose, bool isPublic)
{
    public string Purpose => !isPublic ? "shared_folder_auth_link" : publicPurpose.Contains("package") ? "send_package_to_dropbox" : "token_auth_redirection";

    public async Task<JsonObject> CreateAsync()
    {
        var body = new JsonObject { ["purpose"] = Purpose, ["user_selected_name"] = null };
        if (!isPublic) body["data"] = sharedData.DeepClone();
        else
        {
            body["expires_at"] = null;
            body["password_enabled"] = false;
            var data = (JsonObject)sharedData.DeepClone();
            data["name"] = "";
            body["data"] = new JsonObject { ["aoc"] = true, ["url_token_data"] = new JsonObject { ["data"] = data, ["purpose"] = publicPurpose } };
        }
        return await api.CreateAsync("short_links", body) as JsonObject ?? [];
    }

    public Result List(JsonNode? userQuery)
    {
        JsonNode query = isPublic
            ? new JsonObject { ["url_token_data"] = new JsonObject { ["data"] = sharedData.DeepClone(), ["purpose"] = publicPurpose } }
            : sharedData.DeepClone();
        var q = new JsonObject { ["json_query"] = RestJson.Generate(query), ["purpose"] = Purpose, ["edit_access"] = true, ["sort"] = "-created_at" };
        if (userQuery is JsonObject user) foreach (var (k, v) in user) q[k] = v?.DeepClone();
        var items = AocPager.List(api, "short_links", q).Select(static i =>
        {
            (i as JsonObject)?.Remove("data");
            return i;
        });
        return Result.ObjectList(items, null, TotalLine.WhenAnnounced);
    }

    public async Task<Result> DeleteAsync(string id)
    {
        var data = (JsonObject)sharedData.DeepClone();
        data.Remove("workspace_id");
        await api.DeleteAsync($"short_links/{id}", new JsonObject { ["edit_access"] = true, ["json_query"] = RestJson.Generate(data) });
        return Result.Status("deleted");
    }
}
