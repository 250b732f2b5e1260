using System.Text.Json.Nodes;

namespace AsperaNative.Output.Tests;

/// <summary>Secrets are hidden in every format unless --show-secrets=yes or --display=data.</summary>
public sealed class SecretsTests
{
    private const string Data = "{\"password\":\"p\",\"Password\":\"P\",\"access_key\":\"ak\",\"ssh_keys\":\"k\",\"num_token\":1,\"sub\":{\"secret\":\"s\"},\"list\":[{\"token\":\"t\"}]}";

    [Theory]
    [InlineData("json", "{\"password\":\"🔑\",\"Password\":\"P\",\"access_key\":\"ak\",\"ssh_keys\":\"🔑\",\"num_token\":1,\"sub\":{\"secret\":\"🔑\"},\"list\":[{\"token\":\"t\"}]}\n")]
    [InlineData("csv", "🔑,P,ak,🔑,1,🔑,t\n")]
    [InlineData("text", "{\"password\"=>\"🔑\", \"Password\"=>\"P\", \"access_key\"=>\"ak\", \"ssh_keys\"=>\"🔑\", \"num_token\"=>1, \"sub\"=>{\"secret\"=>\"🔑\"}, \"list\"=>[{\"token\"=>\"t\"}]}\n")]
    [InlineData("yaml", "---\npassword: \"\\U0001F511\"\nPassword: P\naccess_key: ak\nssh_keys: \"\\U0001F511\"\nnum_token: 1\nsub:\n  secret: \"\\U0001F511\"\nlist:\n- token: t\n")]
    public void HiddenByDefault(string format, string expected)
        => Assert.Equal(expected, FormatterTests.Render(Data, format));

    [Fact]
    public void ShownOnRequestOrForData()
    {
        string expected = "p,P,ak,k,1,s,t\n";
        Assert.Equal(expected, FormatterTests.Render(Data, "csv", new OutputSettings { ShowSecrets = true }));
        Assert.Equal(expected, FormatterTests.Render(Data, "csv", new OutputSettings { Display = "data" }));
    }

    [Fact]
    public void KeyCountsTwoColumnsInTables()
        => Assert.Equal(
            "+----------+-------+\n| password | n     |\n+----------+-------+\n| 🔑       | 1     |\n| 🔑       | 22222 |\n+----------+-------+\n",
            FormatterTests.Render("[{\"password\":\"a\",\"n\":1},{\"password\":\"b\",\"n\":22222}]"));

    [Fact]
    public void PrivateKeyInAStringResult()
        => Assert.Equal("-----BEGIN RSA PRIVATE KEY-----🔑-----END RSA PRIVATE KEY-----\n",
            FormatterTests.Render("\"-----BEGIN RSA PRIVATE KEY-----\\nMIIabc\\n-----END RSA PRIVATE KEY-----\\n\"", "text"));
}
