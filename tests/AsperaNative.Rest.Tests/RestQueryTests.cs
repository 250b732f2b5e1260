using System.Text.Json.Nodes;

namespace AsperaNative.Rest.Tests;

public class RestQueryTests
{
    [Theory]
    [InlineData("""{"p1":"v1","p2":"v2"}""", "p1=v1&p2=v2")]
    [InlineData("""[["p1","v1"],["p2","v2"]]""", "p1=v1&p2=v2")]
    [InlineData("""{"a":["[]","v1","v2"]}""", "a[]=v1&a[]=v2")]
    [InlineData("""[["a[]","v1"],["a[]","v2"]]""", "a[]=v1&a[]=v2")]
    [InlineData("""{"a":["v1","v2"]}""", "a=v1&a=v2")]
    [InlineData("""{"k":null,"e":""}""", "k&e=")]
    [InlineData("""{"n":1,"b":true,"s":"a b/c:d*e~"}""", "n=1&b=true&s=a+b%2Fc%3Ad*e%7E")]
    [InlineData("""{}""", null)]
    [InlineData("\"x=1&y=2\"", "x=1&y=2")]
    public void EncodesAsTheManualSays(string json, string? expected)
        => Assert.Equal(expected, RestQuery.Encode(JsonNode.Parse(json)));

    [Fact]
    public void ArrayItemsMustBePairs()
    {
        var e = Assert.Throws<Core.Errors.CliException>(() => RestQuery.Encode(JsonNode.Parse("""[["a"]]""")));
        Assert.Equal("assertion failed: Query must be array of arrays of 2 elements", e.Message);
    }

    [Fact]
    public void FormBodiesUseTheSameEncoding()
        => Assert.Equal("scope=user%3Aall&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer",
            RestQuery.EncodePairs([new("scope", "user:all"), new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")]));

    [Theory]
    [InlineData("https://h.example.com:443/", "https://h.example.com")]
    [InlineData("http://h:80", "http://h")]
    [InlineData("http://h:8080/api/", "http://h:8080/api")]
    public void BaseUrlsAreNormalized(string url, string expected) => Assert.Equal(expected, RestClient.NormalizeBaseUrl(url));
}
