namespace AsperaNative.Emulators.Faspex4;

/// <summary>
/// The state of the emulated Faspex 4: accounts, dropboxes and workgroups, remote sources, metadata
/// profiles and packages. Callers take <see cref="Lock"/> around reads and writes (route handlers and
/// seeding run on different threads).
/// </summary>
public sealed class Faspex4Store
{
    private int _nextUser = 1, _nextGroup = 1, _nextMembership = 1, _nextSource = 1, _nextProfile = 1;
    private int _nextPackage = 1, _nextDelivery = 2001, _nextRecipientDelivery = 3001, _nextExternal = 71;

    public Lock Lock { get; } = new();
    public List<Faspex4User> Users { get; } = [];
    public List<Faspex4Group> Groups { get; } = [];
    public List<Faspex4Source> Sources { get; } = [];
    public List<MetadataProfile> MetadataProfiles { get; } = [];
    public List<Faspex4Package> Packages { get; } = [];
    /// <summary>v4 bearer tokens issued by the password grant, and their user.</summary>
    public Dictionary<string, Faspex4User> Tokens { get; } = new(StringComparer.Ordinal);

    public int NextUserId() => _nextUser++;
    public int NextGroupId() => _nextGroup++;
    public int NextMembershipId() => _nextMembership++;
    public int NextSourceId() => _nextSource++;
    public int NextProfileId() => _nextProfile++;
    public int NextPackageId() => _nextPackage++;
    public int NextDeliveryId() => _nextDelivery++;
    public int NextRecipientDeliveryId() => _nextRecipientDelivery++;
    public int NextExternalId() => _nextExternal++;

    public Faspex4User? UserByName(string name) => Users.FirstOrDefault(u => u.Name == name);

    /// <summary>A user by login name or e-mail (recipients may be given either way).</summary>
    public Faspex4User? UserByNameOrEmail(string value)
        => Users.FirstOrDefault(u => u.Name == value) ?? Users.FirstOrDefault(u => string.Equals(u.Email, value, StringComparison.OrdinalIgnoreCase));

    public Faspex4Group? GroupByName(string name) => Groups.FirstOrDefault(g => g.Name == name);

    /// <summary>Whether the user reads this recipient's delivery: it is his, or that of a group he may read.</summary>
    public static bool Reads(Faspex4User user, Recipient recipient)
        => recipient.User == user || recipient.Group?.MemberOf(user) is { CanRead: true };

    /// <summary>
    /// The packages of a box, newest first: <c>inbox</c> and <c>archive</c> hold packages one of whose
    /// deliveries the user reads (not archived / archived), <c>sent</c> those he sent.
    /// </summary>
    public List<Faspex4Package> Box(Faspex4User user, string box) => box switch
    {
        "sent" => [.. Packages.Where(p => p.Sender == user).OrderByDescending(static p => p.Created).ThenByDescending(static p => p.Id)],
        _ => [.. Packages.Where(p => p.Recipients.Any(r => Reads(user, r) && r.Archived == (box == "archive")))
            .OrderByDescending(static p => p.Created).ThenByDescending(static p => p.Id)],
    };

    /// <summary>The package of a recipient delivery id that the user reads, or of a delivery id he sent.</summary>
    public Faspex4Package? Delivery(Faspex4User user, string endpoint, int id) => endpoint switch
    {
        "sent" => Packages.FirstOrDefault(p => p.DeliveryId == id && p.Sender == user),
        _ => Packages.FirstOrDefault(p => p.Recipients.Any(r => r.DeliveryId == id && Reads(user, r))),
    };

    /// <summary>Whether the user may read the files of the package (sender or reader of a delivery).</summary>
    public static bool MayDownload(Faspex4User user, Faspex4Package package)
        => package.Sender == user || package.Recipients.Any(r => Reads(user, r));
}
