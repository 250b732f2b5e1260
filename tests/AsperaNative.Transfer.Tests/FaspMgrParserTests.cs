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

    [Fact]
    public void FramesOfOtherFieldsAfterAlikeOnesKeepTheirOwnNamesAndValues()
    {
        var parser = new FaspMgrParser();
        var text = "FASPMGR 2\nType: STATS\nTransferBytes: 1\nStartByte: 2\n\n"
            + "FASPMGR 2\nType: STATS\nTransferBytes: 10\nStartByte: 20\n\n"
            + "FASPMGR 2\nType: NOTIFICATION\nPreTransferBytes: 30\nTransferBytes:  +40 \nFile: été.bin\nStartByte: x\n\n"
            + "FASPMGR 2\nType: DONE\nStartByte: 5\n\n";
        var events = text.Split('\n')[..^1].Select(parser.ProcessLine).OfType<ManagementEvent>().ToList();
        Assert.Equal(["STATS", "STATS", "NOTIFICATION", "DONE"], events.Select(static e => e.Type));
        Assert.Equal([3L, 30L, 70L, 5L], events.Select(static e => e.Long("TransferBytes") + e.Long("StartByte") + e.Long("PreTransferBytes")));
        Assert.Equal(["Type", "PreTransferBytes", "TransferBytes", "File", "StartByte"], events[2].Fields.Select(static f => f.Key));
        Assert.Equal("été.bin", events[2]["File"]);
        Assert.Equal(" +40 ", events[2]["TransferBytes"]);
        Assert.Null(events[3]["TransferBytes"]);
        Assert.Equal("1", events[0]["TransferBytes"]);
        Assert.Equal(4, parser.EventCount);
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
