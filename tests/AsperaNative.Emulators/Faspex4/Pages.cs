using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>The non-API answers of the Faspex 4 web application (a Rails application): HTML pages and Basic auth refusals.</summary>
internal static class Pages
{
    /// <summary>Rails' answer to missing or wrong Basic credentials.</summary>
    public static Task Denied(HttpContext ctx)
    {
        ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"Faspex\"";
        return EmulatorHost.Text(ctx, "HTTP Basic: Access denied.\n", "text/html; charset=utf-8", 401);
    }

    public static Task NotFound(HttpContext ctx) => EmulatorHost.Text(ctx,
        "<!DOCTYPE html>\n<html>\n<head>\n  <title>The page you were looking for doesn't exist (404)</title>\n</head>\n<body>\n"
        + "  <div class=\"dialog\">\n    <h1>The page you were looking for doesn't exist.</h1>\n"
        + "    <p>You may have mistyped the address or the page may have moved.</p>\n  </div>\n</body>\n</html>\n",
        "text/html; charset=utf-8", 404);

    public static Task Login(HttpContext ctx) => EmulatorHost.Text(ctx,
        $"<!DOCTYPE html>\n<html>\n<head><title>Aspera Faspex</title></head>\n<body>\n<form action=\"{Faspex4Emulator.BasePath}/login\" method=\"post\">"
        + "<input name=\"user[login]\"/><input type=\"password\" name=\"user[password]\"/></form>\n"
        + $"<p class=\"version\">IBM Aspera Faspex {Faspex4Emulator.Version}</p>\n</body>\n</html>\n",
        "text/html; charset=utf-8");

    /// <summary>What a public link with a wrong or expired passcode shows: a page, not an API answer.</summary>
    public static Task InvalidLink(HttpContext ctx) => EmulatorHost.Text(ctx,
        "<!DOCTYPE html>\n<html>\n<head><title>Aspera Faspex</title></head>\n<body>\n"
        + "<p class=\"error\">The link you followed is invalid or has expired.</p>\n</body>\n</html>\n",
        "text/html; charset=utf-8");
}
