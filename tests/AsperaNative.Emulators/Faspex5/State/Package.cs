using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Faspex5.State;

/// <summary>Upload progress of a package (answers <c>packages/{id}/upload_details</c>).</summary>
public enum UploadStatus
{
    /// <summary>created, no transfer yet</summary>
    Submitted,
    /// <summary>an upload transfer spec was given (or a remote transfer started)</summary>
    Uploading,
    Completed,
    Failed,
}

/// <summary>One recipient as addressed by the sender, resolved to an entity of the server.</summary>
/// <param name="Name">name as shown in the package</param>
/// <param name="Type">user, workgroup, external_user, distribution_list, shared_inbox</param>
/// <param name="UserIds">the accounts whose inbox gets the package (a user, or the members of a distribution list)</param>
/// <param name="GroupId">shared inbox or workgroup id</param>
public sealed record Recipient(string Name, string Type, IReadOnlyList<int> UserIds, int? GroupId);

/// <summary>The state one recipient (or the sender) has of a package.</summary>
public sealed class PackageView
{
    /// <summary>moved to the history box (inbox_history, outbox_history)</summary>
    public bool Archived { get; set; }
    /// <summary>removed from this user's boxes</summary>
    public bool Deleted { get; set; }
    /// <summary>a download transfer spec was given to this user</summary>
    public bool Downloaded { get; set; }
}

/// <summary>
/// A package: its metadata, its sender and recipients, its files (a folder of the node's docroot) and
/// the view each user has of it (per-recipient state).
/// </summary>
public sealed class Package
{
    public required string Id { get; init; }
    public required string Title { get; set; }
    public string? Note { get; set; }
    public JsonObject? Metadata { get; set; }
    /// <summary>account id of the sender, null for a public-link (external) sender</summary>
    public int? SenderId { get; init; }
    public required string SenderName { get; init; }
    public required string SenderEmail { get; init; }
    public string SenderType { get; init; } = "local_user";
    public required List<Recipient> Recipients { get; init; }
    /// <summary>passcode of the public link the package was sent with (its upload is allowed to that link)</summary>
    public string? SentWithPasscode { get; init; }
    /// <summary>folder of the node's docroot holding the package files</summary>
    public required string ContentsFolder { get; init; }
    public UploadStatus Upload { get; set; } = UploadStatus.Submitted;
    /// <summary>top-level names the upload announced: the package completes when all exist</summary>
    public List<string> ExpectedNames { get; } = [];
    /// <summary>an upload transfer spec was given: the package completes when its files arrive</summary>
    public bool AwaitingFiles { get; set; }
    public string CreatedTime { get; init; } = Faspex5Http.Now();
    public string? ReleaseDate { get; set; }
    public string? ExpirationDate { get; set; }
    /// <summary>files are encrypted at rest: download specs ask for the content protection password</summary>
    public bool ContentProtection { get; set; }
    /// <summary>marked for deletion (sender or admin), purged by clean_deleted</summary>
    public DateTime? DeletedAt { get; set; }
    public Dictionary<int, PackageView> Views { get; } = [];
    public long TotalBytes { get; set; }
    public int TotalFiles { get; set; }

    public PackageView View(int userId)
    {
        if (!Views.TryGetValue(userId, out var view)) Views[userId] = view = new PackageView();
        return view;
    }

    public bool Released => Upload == UploadStatus.Completed;

    /// <summary>Faspex 5 package state word.</summary>
    public string StateWord => Upload switch
    {
        UploadStatus.Submitted => "created",
        UploadStatus.Uploading => "uploading",
        UploadStatus.Completed => "released",
        _ => "failed",
    };

    public IEnumerable<int> RecipientUserIds => Recipients.SelectMany(static r => r.UserIds).Distinct();

    public IEnumerable<int> GroupIds => Recipients.Where(static r => r.GroupId is not null).Select(static r => r.GroupId!.Value);

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["title"] = Title,
            ["release_date"] = ReleaseDate,
            ["total_bytes"] = TotalBytes,
            ["total_files"] = TotalFiles,
            ["created_time"] = CreatedTime,
            ["state"] = StateWord,
            ["sender"] = new JsonObject { ["name"] = SenderName, ["email"] = SenderEmail, ["user_type"] = SenderType },
            ["recipients"] = new JsonArray([.. Recipients.Select(static r => (JsonNode)new JsonObject { ["name"] = r.Name, ["recipient_type"] = r.Type })]),
            ["note"] = Note,
            ["expiration_date"] = ExpirationDate,
        };
        if (Metadata is not null) json["metadata"] = Metadata.DeepClone();
        if (ContentProtection) json["content_protection"] = true;
        return json;
    }

    /// <summary>Recomputes sizes from the files and completes the upload once every announced name exists.</summary>
    public bool Refresh()
    {
        if (!Directory.Exists(ContentsFolder)) return false;
        var files = Directory.EnumerateFiles(ContentsFolder, "*", SearchOption.AllDirectories).Select(static f => new FileInfo(f)).ToList();
        TotalBytes = files.Sum(static f => f.Length);
        TotalFiles = files.Count;
        if (Upload != UploadStatus.Uploading || !AwaitingFiles) return false;
        // without announced names (Faspex 4 gateway: paths [{"destination":"/"}]) the first file completes it
        bool arrived = ExpectedNames.Count > 0
            ? ExpectedNames.All(n => File.Exists(Path.Combine(ContentsFolder, n)) || Directory.Exists(Path.Combine(ContentsFolder, n)))
            : files.Count > 0;
        if (!arrived) return false;
        AwaitingFiles = false;
        Upload = UploadStatus.Completed;
        ReleaseDate = Faspex5Http.Now();
        return true;
    }
}
