using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>
/// Public links (no login, the passcode in the query authorizes): a package delivered to an outsider
/// (<c>external_deliveries/&lt;id&gt;</c>, an entry whose links carry a token), and submission forms of a
/// user or dropbox (<c>external/submissions</c>, <c>external/dropbox_submissions</c>) whose POST answers
/// JavaScript handing the transfer spec to the page, as the Faspex 4 web UI expects. A wrong passcode
/// gives an HTML page with status 200.
/// </summary>
internal static class PublicLinkRoutes
{
    public static void Map(WebApplication app, Faspex4Emulator f)
    {
        const string b = Faspex4Emulator.BasePath;
        app.MapGet(b + "/external_deliveries/{id}", (HttpContext ctx, string id) => Delivery(f, ctx, id));
        foreach (string kind in new[] { "submissions", "dropbox_submissions" })
        {
            app.MapGet($"{b}/external/{kind}/new", ctx => Owner(f, kind, ctx.Request.Query["passcode"]) is { } owner ? SubmissionForm(ctx, owner) : Pages.InvalidLink(ctx));
            app.MapPost($"{b}/external/{kind}", ctx => Submit(f, kind, ctx));
        }
    }

    private static async Task Delivery(Faspex4Emulator f, HttpContext ctx, string id)
    {
        string passcode = ctx.Request.Query["passcode"].ToString();
        Faspex4Package? package;
        lock (f.Store.Lock)
            package = f.Store.Packages.FirstOrDefault(p => p.ExternalDelivery is (int i, string code) && i.ToString(System.Globalization.CultureInfo.InvariantCulture) == id && code == passcode);
        if (package is null) { await Pages.InvalidLink(ctx); return; }
        // outsiders have no account to ask issue-token with: their links carry the token
        var token = (await f.NodeLink.DownloadSpec([package.Folder]))["token"]?.ToString();
        var self = AtomXml.Link("alternate", $"{f.Url}/external_deliveries/{id}?passcode={passcode}");
        await V3Routes.Xml(ctx, await V3Routes.EntryOf(f, package, token, self), "application/xml");
    }

    /// <summary>The recipients a submission passcode sends to: the user or the dropbox owning the link.</summary>
    private static string? Owner(Faspex4Emulator f, string kind, string? passcode)
    {
        if (string.IsNullOrEmpty(passcode)) return null;
        lock (f.Store.Lock)
            return kind == "submissions"
                ? f.Store.Users.FirstOrDefault(u => u.SubmissionPasscode == passcode)?.Name
                : f.Store.Groups.FirstOrDefault(g => g.Kind == GroupKind.Dropbox && g.SubmissionPasscode == passcode) is { } g ? "*" + g.Name : null;
    }

    private static Task SubmissionForm(HttpContext ctx, string owner) => EmulatorHost.Text(ctx,
        $"<!DOCTYPE html>\n<html>\n<head><title>Aspera Faspex</title></head>\n<body>\n<h1>Send a package to {System.Net.WebUtility.HtmlEncode(owner.TrimStart('*'))}</h1>\n"
        + "<form method=\"post\"><input name=\"delivery[title]\"/><textarea name=\"delivery[note]\"></textarea></form>\n</body>\n</html>\n",
        "text/html; charset=utf-8");

    /// <summary>
    /// Creates the package and answers JavaScript calling the page with the transfer spec as an escaped
    /// JSON string; a refused submission answers a script reporting the error instead.
    /// </summary>
    private static async Task Submit(Faspex4Emulator f, string kind, HttpContext ctx)
    {
        var body = await EmulatorHost.Body(ctx) as JsonObject;
        if (Owner(f, kind, body?["passcode"]?.ToString()) is not { } owner) { await Pages.InvalidLink(ctx); return; }
        var delivery = body!["delivery"] as JsonObject ?? [];
        var sources = (delivery["source_paths_list"]?.ToString() ?? "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var sender = new Faspex4User
        {
            Id = 0, Name = delivery["sender_name"]?.ToString() ?? "Public submitter", Password = "",
            Email = delivery["sender_email"]?.ToString() ?? "submitter@external.example.com",
        };
        var outcome = await PackageSender.Create(f, sender, delivery, [owner], sources);
        string script = outcome.Error is { } error
            ? $"//<![CDATA[\nwindow.parent.faspexSubmission.failed({JsonValue.Create(error.User).ToJsonString()});\n//]]>\n"
            : $"//<![CDATA[\nwindow.parent.faspexSubmission.transferReady(\"{outcome.TransferSpec!.ToJsonString().Replace("\"", "\\\"", StringComparison.Ordinal)}\", \"{outcome.Package!.Uuid}\");\n//]]>\n";
        await EmulatorHost.Text(ctx, script, "text/javascript; charset=utf-8");
    }
}
