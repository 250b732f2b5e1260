using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>
/// Package creation as Faspex 4 does it for <c>/send</c> and public submissions: checks the delivery
/// (title, recipients and their rights, required metadata, remote source), makes the package folder on
/// the node, then either has the node copy the remote source's files or returns the upload transfer spec.
/// </summary>
internal static class PackageSender
{
    internal sealed record Outcome(Faspex4Package? Package, JsonObject? TransferSpec, (string User, string Internal)? Error);

    private static Outcome Fail(string message) => new(null, null, (message, "Validation failed: " + message));

    /// <param name="recipients">Recipients imposed by a submission link (else those of the delivery, with rights checked).</param>
    /// <param name="sourcePaths">Files the client will send (public submissions give them; they go into the spec's paths).</param>
    public static async Task<Outcome> Create(Faspex4Emulator f, Faspex4User sender, JsonObject delivery, IReadOnlyList<string>? recipients = null, IReadOnlyList<string>? sourcePaths = null)
    {
        string title = Text(delivery["title"]);
        if (title.Length == 0) return Fail("Title can't be blank");
        var names = recipients ?? (delivery["recipients"] as JsonArray ?? []).Select(static r => Text(r)).Where(static r => r.Length > 0).ToList();
        var metadata = (delivery["metadata"] as JsonObject ?? []).Select(static kv => KeyValuePair.Create(kv.Key, Text(kv.Value))).ToList();
        var firstSource = (delivery["sources"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var paths = (firstSource?["paths"] as JsonArray ?? []).Select(static p => Text(p)).ToList();
        Faspex4Package package;
        Faspex4Source? remote = null;
        lock (f.Store.Lock)
        {
            var resolved = f.ResolveRecipients(sender, names, checkRights: recipients is null, out string? error);
            if (resolved is null) return Fail(error!);
            foreach (var profile in resolved.Select(static r => r.Group?.MetadataProfile).OfType<MetadataProfile>().Distinct())
                foreach (string field in profile.RequiredFields)
                    if (!metadata.Any(m => m.Key == field && m.Value.Length > 0))
                        return Fail($"Missing required metadata field: {field}");
            if (firstSource?["id"] is JsonNode id)
            {
                remote = f.Store.Sources.FirstOrDefault(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == Text(id));
                if (remote is null) return new(null, null, ("Source not found", $"Couldn't find SourceShare with id={Text(id)}"));
            }
            package = f.CreatePackage(sender, title, Text(delivery["note"]), metadata, resolved, DateTime.UtcNow);
        }
        await f.NodeLink.CreateFolder(package.Folder);
        if (remote is not null)
        {
            // Faspex transfers from a remote source itself: the node copies into the package
            await f.NodeLink.Copy(paths.Select(p => remote.NodePath.TrimEnd('/') + "/" + p.TrimStart('/')), package.Folder);
            return new(package, null, null);
        }
        var spec = await f.NodeLink.UploadSpec(package.Folder);
        spec["direction"] = "send";
        spec["create_dir"] = true;
        spec["rate_policy"] = "fair";
        spec["target_rate_kbps"] = 100000;
        spec["min_rate_kbps"] = 0;
        spec["cipher"] = "aes-128";
        spec["http_fallback"] = false;
        spec["cookie"] = Faspex4Emulator.Cookie(package);
        spec["tags"] = Faspex4Emulator.Tags(package);
        if (sourcePaths is not null) spec["paths"] = new JsonArray([.. sourcePaths.Select(static s => (JsonNode)new JsonObject { ["source"] = s })]);
        return new(package, spec, null);
    }

    private static string Text(JsonNode? node) => node is JsonValue value ? value.ToString() : node?.ToJsonString() ?? "";
}
