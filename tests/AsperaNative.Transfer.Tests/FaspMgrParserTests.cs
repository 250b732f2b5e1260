using AsperaNative.Transfer.Management;

namespace AsperaNative.Transfer.Tests;

public sealed class FaspMgrParserTests
{
    [Fact]
    public void ParsesFramesAndKeepsTheLast()
    {
        var parser = new FaspMgrParser();
        var lines = "FASPMGR 2\nType: INIT\nSessionId: s1\n\nFASPMGR 2\nType: STATS\nTransferBytes: 500\nElapsedusec: 7\nDescription: a: b\n\n".Split('\n');
        var events = lines.Take(lines.Length - 1).Select(parser.ProcessLine).Where(static e => e is not null).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("STATS", parser.LastEvent!.Type);
        Assert.Equal(500, parser.LastEvent.Long("TransferBytes"));
        Assert.Equal("a: b", parser.LastEvent["Description"]);
        var json = parser.LastEvent.ToJson();
        Assert.Equal(500, (long)json["transfer_bytes"]!);
        Assert.Equal(7, (long)json["elapsed_usec"]!);
        Assert.Equal("s1", events[0]!.ToJson()["session_id"]!.ToString());
    }

    [Theory]
    [InlineData("Type: INIT", "mgt port: unexpected line: data without header")]
    [InlineData("", "mgt port: unexpected line: end frame without header")]
    [InlineData("garbage", "mgt port: unexpected line: [garbage]")]
    public void RejectsMalformedLines(string line, string message)
        => Assert.Equal(message, Assert.Throws<InvalidDataException>(() => new FaspMgrParser().ProcessLine(line)).Message);

    [Theory]
    [InlineData("SessionId", "session_id")]
    [InlineData("PreTransferBytes", "pre_transfer_bytes")]
    [InlineData("TCPPort", "tcp_port")]
    [InlineData("PMTU", "pmtu")]
    public void SnakeCase(string name, string expected) => Assert.Equal(expected, ManagementEvent.SnakeCase(name));
}
