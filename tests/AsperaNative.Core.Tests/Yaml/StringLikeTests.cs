using System.Text.RegularExpressions;
using AsperaNative.Core.Yaml;
using Xunit;

namespace AsperaNative.Core.Tests.Yaml;

/// <summary>The hand-written string test of the scalar scanner decides as Psych's regex does.</summary>
public sealed class StringLikeTests
{
    // Psych's pattern, as the scanner used it before it was written by hand (single line texts)
    private static readonly Regex Psych = new(@"^[^0-9.:-]?[\p{L}\p{M}_\s!@#$%^&*(){}<>|/\\~;=]+");

    [Theory]
    [InlineData("https://example.com")]
    [InlineData("-x")]
    [InlineData("-1")]
    [InlineData(".inf")]
    [InlineData("1.5")]
    [InlineData("é")]
    [InlineData("\u0301a")]
    [InlineData(" 1")]
    [InlineData("0x1F")]
    [InlineData("+a")]
    [InlineData(":sym")]
    [InlineData("~")]
    [InlineData("a")]
    public void Same_decision_as_the_regex(string text)
        => Assert.Equal(Psych.IsMatch(text), PsychScalarScanner.StartsStringLike(text));

    [Fact]
    public void Same_decision_on_random_texts()
    {
        var random = new Random(19);
        const string alphabet = "aZé\u0301\u20dd0159.:-+_ \t!@#$%^&*(){}<>|/\\~;=\"',?[]`\u00a0\u2028日";
        for (int n = 0; n < 20000; n++)
        {
            var chars = new char[random.Next(1, 4)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            string text = new(chars);
            Assert.True(Psych.IsMatch(text) == PsychScalarScanner.StartsStringLike(text), $"differs on {string.Join(' ', chars.Select(c => ((int)c).ToString("x4")))}");
        }
    }
}
