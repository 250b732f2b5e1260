using AsperaNative.Core.CommandLine;

namespace AsperaNative.Core.Tests.CommandLine;

public class CommandLineSplitTests
{
    [Theory]
    [InlineData("config echo hello", "", "config|echo|hello")]
    [InlineData("config --format=json echo x", "--format=json", "config|echo|x")]
    [InlineData("-N -Pfmt config", "-N|-Pfmt", "config")]
    [InlineData("config echo -- -x --format=json", "", "config|echo|-x|--format=json")]
    [InlineData("config echo -- -- x", "", "config|echo|--|x")]
    [InlineData("a - b", "-", "a|b")]
    public void Splits_options_from_positionals(string argv, string options, string positionals)
    {
        var split = CommandLineSplit.Of(argv.Split(' '));
        Assert.Equal(options, string.Join('|', split.Options));
        Assert.Equal(positionals, string.Join('|', split.Positionals));
    }
}
