using System.Text.Json.Nodes;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>A Faspex 4 account: internal users log in with Basic auth, external ones only receive by public link.</summary>
public sealed class Faspex4User
{
    public required int Id { get; init; }
    public required string Name { get; set; }
    public required string Password { get; set; }
    public required string Email { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    /// <summary>Admins may get a v4 token with scope <c>admin</c>.</summary>
    public bool IsAdmin { get; set; }
    /// <summary>Passcode of the user's public submission link (<c>external/submissions/new?passcode=…</c>).</summary>
    public string SubmissionPasscode { get; init; } = Guid.NewGuid().ToString("N");
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    /// <summary>Fields given through the v4 API that the emulator does not model, shown back as given.</summary>
    public JsonObject Extra { get; } = [];
}

public enum GroupKind { Dropbox, Workgroup }

/// <summary>A member of a dropbox or workgroup, with what it may do there.</summary>
public sealed class Membership
{
    public required int Id { get; init; }
    public required Faspex4User User { get; init; }
    public bool CanRead { get; set; } = true;
    public bool CanWrite { get; set; } = true;
    public JsonObject Extra { get; } = [];
}

/// <summary>A dropbox or a workgroup: recipients addressed as <c>*Name</c>.</summary>
public sealed class Faspex4Group
{
    public required int Id { get; init; }
    public required GroupKind Kind { get; init; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string Email { get; set; } = "";
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public List<Membership> Members { get; } = [];
    /// <summary>Metadata a sender must give when sending to this dropbox.</summary>
    public MetadataProfile? MetadataProfile { get; set; }
    /// <summary>Passcode of the dropbox's public submission link.</summary>
    public string SubmissionPasscode { get; init; } = Guid.NewGuid().ToString("N");
    public JsonObject Extra { get; } = [];

    public Membership? MemberOf(Faspex4User user) => Members.FirstOrDefault(m => m.User == user);
}

/// <summary>A remote source: a folder of the node that Faspex sends packages from by itself.</summary>
public sealed class Faspex4Source
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Folder of the node (node API path) the source maps to.</summary>
    public required string NodePath { get; init; }
}

/// <summary>A metadata profile: the fields that packages sent with it must carry.</summary>
public sealed class MetadataProfile
{
    public required int Id { get; init; }
    public required string Name { get; set; }
    public List<string> RequiredFields { get; } = [];
    public JsonObject Extra { get; } = [];
}

/// <summary>One recipient of a package and its own delivery id (the <c>recipient_delivery_id</c> of the feeds).</summary>
public sealed class Recipient
{
    public required int DeliveryId { get; init; }
    /// <summary>User name, dropbox/workgroup name (without <c>*</c>), or the e-mail of an external recipient.</summary>
    public required string Name { get; init; }
    public required string Email { get; init; }
    public Faspex4User? User { get; init; }
    public Faspex4Group? Group { get; init; }
    /// <summary>Moved to the archive box by its recipient.</summary>
    public bool Archived { get; set; }
}

/// <summary>A package: metadata, the sender's delivery, recipients' deliveries, and its content folder on the node.</summary>
public sealed class Faspex4Package
{
    public required int Id { get; init; }
    /// <summary>The sender's delivery id (<c>delivery_id</c>, the package id in the sent box).</summary>
    public required int DeliveryId { get; init; }
    public required string Uuid { get; init; }
    public required string Title { get; set; }
    public string Note { get; set; } = "";
    public List<KeyValuePair<string, string>> Metadata { get; } = [];
    public required Faspex4User Sender { get; init; }
    public required DateTime Created { get; init; }
    public List<Recipient> Recipients { get; } = [];
    /// <summary>Content folder, node API path (<c>/faspex_packages/…/PKG - title</c>).</summary>
    public required string Folder { get; init; }
    /// <summary>Public delivery link of the package, once created.</summary>
    public (int Id, string Passcode)? ExternalDelivery { get; set; }
}
