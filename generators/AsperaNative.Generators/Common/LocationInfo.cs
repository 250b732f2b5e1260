using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AsperaNative.Generators.Common
{
    /// <summary>A location without a reference to the syntax tree, so specs stay equatable and cacheable.</summary>
    public sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        public static LocationInfo? From(SyntaxNode? node)
        {
            if (node is null) return null;
            var location = node.GetLocation();
            return location.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        }
    }

    /// <summary>A diagnostic to report, held as data.</summary>
    public sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
    {
        public Diagnostic ToDiagnostic() => Diagnostic.Create(Diagnostics.DiagnosticDescriptors.ById(Id), Location?.ToLocation(), System.Linq.Enumerable.ToArray<object>(System.Linq.Enumerable.Cast<object>(Arguments)));
    }

    internal static class Docs
    {
        /// <summary>The text of a symbol's XML summary, on one line.</summary>
        public static string Summary(ISymbol symbol)
        {
            var xml = symbol.GetDocumentationCommentXml();
            if (string.IsNullOrEmpty(xml)) return "";
            int start = xml!.IndexOf("<summary>", System.StringComparison.Ordinal);
            int end = xml.IndexOf("</summary>", System.StringComparison.Ordinal);
            if (start < 0 || end < start) return "";
            string text = xml.Substring(start + 9, end - start - 9);
            text = System.Text.RegularExpressions.Regex.Replace(text, "<see (?:cref|langword)=\"(?:[A-Z]:)?([^\"]+)\"\\s*/>", "$1");
            text = System.Text.RegularExpressions.Regex.Replace(text, "<c>(.*?)</c>", "$1");
            text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", "");
            text = System.Net.WebUtility.HtmlDecode(text);
            return System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " ").Trim();
        }
    }
}
