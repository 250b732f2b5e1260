using System.Diagnostics;
using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;
using AsperaNative.Core.Values;
using AsperaNative.Plugins.Preview.Generation;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Preview.Storage;

/// <summary>What the scanner needs to decide and make an entry's previews.</summary>
public sealed record ScanSettings
{
    public required IReadOnlyList<string> Formats { get; init; }
    public required IReadOnlyCollection<string> SkipTypes { get; init; }
    /// <summary>Folder paths (from the storage root, with a leading slash) not scanned, the previews folder among them.</summary>
    public required IReadOnlyList<string> SkipFolders { get; init; }
    /// <summary><c>always</c>, <c>never</c> or <c>mtime</c> (only when the source is newer).</summary>
    public required string Overwrite { get; init; }
    /// <summary><c>--folder-reset-cache=read</c>: read the file again after generation so that the node sees its previews.</summary>
    public bool ReadAfter { get; init; }
    /// <summary>The file filter (the command's optional argument).</summary>
    public required Func<JsonObject, bool> Filter { get; init; }
}

/// <summary>
/// Finds the files needing a preview (manual "Plugin: preview", "Candidate detection for creation or update"): a
/// walk of the storage from a folder (<c>scan</c>), the files of new file events (<c>events</c>), or the folders of
/// new completed uploads (<c>trevents</c>); each candidate gets the previews it lacks, or all of them per
/// <c>--overwrite</c>. Errors on one file are logged and the walk goes on.
/// </summary>
public sealed class PreviewScanner(PreviewStorage storage, PreviewGenerator generator, ScanSettings settings, AppLog log)
{
    // progress is logged, and event positions saved, at most this often
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private readonly Stopwatch _sinceLog = Stopwatch.StartNew();

    private bool PeriodElapsed()
    {
        if (_sinceLog.Elapsed < Period) return false;
        _sinceLog.Restart();
        return true;
    }

    /// <summary>Walks the folder <paramref name="top"/> breadth first, only below <paramref name="topPath"/> when given.</summary>
    public async Task ScanAsync(JsonObject top, string? topPath = null)
    {
        // canonical form: leading and trailing slash
        if (topPath is not null) topPath = "/" + string.Join('/', topPath.Split('/', StringSplitOptions.RemoveEmptyEntries)) + "/";
        log.Debug(() => $"scan: {top.ToJsonString()} : {topPath}");
        var pending = new Queue<JsonObject>([top]);
        while (pending.TryDequeue(out var entry))
        {
            string path = RubyToS.Of(entry["path"]);
            if (PeriodElapsed()) log.Info($"processing entry {path}");
            string pathWithSlash = path.EndsWith('/') ? path : path + "/";
            // only what leads to, or is below, the start path
            if (topPath is not null && !topPath.StartsWith(pathWithSlash, StringComparison.Ordinal) && !pathWithSlash.StartsWith(topPath, StringComparison.Ordinal))
            {
                log.Debug(() => $"{path} folder (skip start)");
                continue;
            }
            try
            {
                switch (RubyToS.Of(entry["type"]))
                {
                    case "file":
                        if (settings.Filter(entry)) await GenerateAsync(entry);
                        else log.Debug("skip by filter");
                        break;
                    case "link":
                        log.Debug("Ignoring link.");
                        break;
                    case "folder":
                        if (settings.SkipFolders.Contains(path))
                        {
                            log.Debug(() => $"{path} folder (skip list)");
                            break;
                        }
                        log.Debug(() => $"{path} folder");
                        await foreach (var child in PreviewStorage.FolderEntriesAsync(storage.Api, RubyToS.Of(entry["id"])))
                        {
                            // older nodes give no path
                            if (!child.ContainsKey("path")) child["path"] = pathWithSlash + RubyToS.Of(child["name"]);
                            child["parent_file_id"] = entry["id"]?.DeepClone();
                            pending.Enqueue(child);
                        }
                        break;
                    case var other:
                        log.Warn($"unknown entry type: {other}");
                        break;
                }
            }
            catch (Exception e) when (e is CliException or IOException or UnauthorizedAccessException)
            {
                log.Warn($"An error occurred: {e.Message}, ignoring");
            }
        }
    }

    /// <summary>
    /// The files of new file events (<c>events?type=file.*</c>) of the access key: each existing file outside the
    /// skipped folders gets its previews (a deleted file's previews are left, as ascli does).
    /// </summary>
    public async Task FileEventsAsync(OnceOnlyState? position)
    {
        var filter = new JsonObject { ["access_key"] = storage.AccessKeyId, ["type"] = "file.*" };
        if (position?.Load() is JsonArray { Count: > 0 } saved) filter["iteration_token"] = saved[0]?.DeepClone();
        var events = await storage.Api.ReadAsync("events", filter) as JsonArray ?? [];
        for (int i = 0; i < events.Count; i++)
        {
            var ev = events[i] as JsonObject ?? [];
            if (RubyToS.Of(ev["data"]?["type"]) == "file")
            {
                var entry = await ReadOrNullAsync($"files/{RubyToS.Of(ev["data"]?["id"])}");
                if (entry is not null && !settings.SkipFolders.Any(d => RubyToS.Of(entry["path"]).StartsWith(d, StringComparison.Ordinal)))
                {
                    entry["parent_file_id"] = ev["data"]?["parent_file_id"]?.DeepClone();
                    bool deleted = ev["types"] is JsonArray types && types.Any(static t => RubyToS.Of(t) == "file.deleted");
                    if (deleted) log.Error("TODO: delete the previews of deleted files");
                    else await GenerateAsync(entry);
                }
            }
            Checkpoint(ev, i == events.Count - 1, position, "Processing");
        }
    }

    /// <summary>
    /// The folders of completed uploads (<c>events?type=download.ended</c> received by the node, without error, not
    /// the generator's own transfers): each is scanned. A stale iteration token is dropped and the call made again.
    /// </summary>
    public async Task TransferEventsAsync(OnceOnlyState? position)
    {
        var filter = new JsonObject { ["access_key"] = storage.AccessKeyId, ["type"] = "download.ended" };
        if (position?.Load() is JsonArray { Count: > 0 } saved) filter["iteration_token"] = saved[0]?.DeepClone();
        JsonArray events;
        try
        {
            events = await storage.Api.ReadAsync("events", filter) as JsonArray ?? [];
        }
        catch (RestCallException e) when (e.Message.Contains("Invalid iteration_token", StringComparison.Ordinal))
        {
            log.Warn($"Retrying without iteration token: {e.Message}");
            filter.Remove("iteration_token");
            events = await storage.Api.ReadAsync("events", filter) as JsonArray ?? [];
        }
        for (int i = 0; i < events.Count; i++)
        {
            var ev = events[i] as JsonObject ?? [];
            var data = ev["data"] as JsonObject ?? [];
            bool upload = RubyToS.Of(data["direction"]) == "receive" && RubyToS.Of(data["status"]) == "completed"
                && data["error_code"] is JsonValue code && code.TryGetValue(out long c) && c == 0
                && data["tags"]?["aspera"]?[PreviewStorage.GeneratorTag] is null;
            if (upload)
            {
                var folderId = data["tags"]?["aspera"]?["node"]?["file_id"] ?? data["file_id"];
                if (folderId is not null && await ReadOrNullAsync($"files/{RubyToS.Of(folderId)}") is { } folder)
                    await ScanAsync(folder);
            }
            Checkpoint(ev, i == events.Count - 1, position, "Processed");
        }
    }

    // the position is saved periodically and after the last event, so that an error loses little
    private void Checkpoint(JsonObject ev, bool last, OnceOnlyState? position, string verb)
    {
        if (!PeriodElapsed() && !last) return;
        log.Info($"{verb} event {RubyToS.Of(ev["id"])}");
        position?.Save(new JsonArray(RubyToS.Of(ev["id"])));
    }

    private async Task<JsonObject?> ReadOrNullAsync(string path)
    {
        try { return await storage.Api.ReadAsync(path) as JsonObject; }
        catch (Exception e) when (e is CliException) { return null; }
    }

    /// <summary>Makes the previews an entry lacks (or all, per <c>--overwrite</c>), in the types not skipped.</summary>
    public async Task GenerateAsync(JsonObject entry)
    {
        try
        {
            var previews = await storage.InspectAsync(entry, settings.Formats);
            var jobs = new List<PreviewJob>();
            foreach (var state in previews.Formats)
            {
                if (state.Exists && (settings.Overwrite == "never" || (settings.Overwrite == "mtime" && state.NewerThanSource))) continue;
                PreviewJob job;
                try { job = generator.Prepare(previews.Source, state.Path, entry["content_type"]?.ToString()); }
                catch (CliException) { continue; }
                if (settings.SkipTypes.Contains(job.ConversionType)) continue;
                jobs.Add(job);
            }
            if (jobs.Count == 0) return;
            Directory.CreateDirectory(previews.Folder);
            if (storage.Remote) await storage.DownloadAsync(entry);
            log.Info($"source: {RubyToS.Of(entry["id"])}: {RubyToS.Of(entry["path"])}");
            foreach (var job in jobs) await generator.GenerateAsync(job);
            if (storage.Remote) await storage.UploadAsync(previews);
            if (settings.ReadAfter) await storage.Api.ReadAsync($"files/{RubyToS.Of(entry["id"])}");
        }
        catch (Exception e) when (e is CliException or IOException or UnauthorizedAccessException)
        {
            log.Error($"Ignore: {e.Message}");
        }
    }
}
