namespace AsperaNative.Pac.Tests;

public class PacFunctionTests
{
    [Theory]
    [InlineData("isPlainHostName('www')", "true")]
    [InlineData("isPlainHostName('www.example.com')", "false")]
    [InlineData("dnsDomainIs('www.example.com', '.example.com')", "true")]
    [InlineData("dnsDomainIs('www', '.example.com')", "false")]
    [InlineData("localHostOrDomainIs('www.example.com', 'www.example.com')", "true")]
    [InlineData("localHostOrDomainIs('www', 'www.example.com')", "true")]
    [InlineData("localHostOrDomainIs('www.other.com', 'www.example.com')", "false")]
    [InlineData("isResolvable('intranet')", "true")]
    [InlineData("isResolvable('nowhere')", "false")]
    [InlineData("dnsResolve('intranet')", "10.1.2.3")]
    [InlineData("dnsResolve('nowhere')", "null")]
    [InlineData("myIpAddress()", "127.0.0.1")]
    [InlineData("isInNet('intranet', '10.0.0.0', '255.0.0.0')", "true")]
    [InlineData("isInNet('10.1.2.3', '10.1.0.0', '255.255.0.0')", "true")]
    [InlineData("isInNet('10.1.2.3', '10.2.0.0', '255.255.0.0')", "false")]
    [InlineData("isInNet('172.20.0.1', '172.16.0.0', '255.240.0.0')", "true")]
    [InlineData("isInNet('nowhere', '0.0.0.0', '0.0.0.0')", "false")]
    [InlineData("isInNet(dnsResolve('nowhere'), '0.0.0.0', '0.0.0.0')", "false")]
    [InlineData("isInNetEx('10.1.2.3', '10.0.0.0/8')", "true")]
    [InlineData("dnsDomainLevels('www.example.com')", "2")]
    [InlineData("dnsDomainLevels('www')", "0")]
    [InlineData("convert_addr('10.0.0.1')", "167772161")]
    [InlineData("shExpMatch('www.example.com', '*.example.com')", "true")]
    [InlineData("shExpMatch('example.com', '*.example.com')", "false")]
    [InlineData("shExpMatch('a.b', 'a?b')", "true")]
    [InlineData("shExpMatch('a(1)+[x].com', 'a(1)+[x].*')", "true")]
    [InlineData("shExpMatch('http://host/path', '*/path')", "true")]
    [InlineData("shExpMatch('WWW.example.com', 'www.*')", "false")]
    // the clock is Wednesday 6 March 2024, 14:30:00 UTC (local time is UTC here)
    [InlineData("weekdayRange('MON', 'FRI')", "true")]
    [InlineData("weekdayRange('WED')", "true")]
    [InlineData("weekdayRange('SAT')", "false")]
    [InlineData("weekdayRange('FRI', 'MON')", "false")]
    [InlineData("weekdayRange('TUE', 'SUN', 'GMT')", "true")]
    [InlineData("weekdayRange('XYZ')", "false")]
    [InlineData("timeRange(14)", "true")]
    [InlineData("timeRange(9, 17)", "true")]
    [InlineData("timeRange(22, 6)", "false")]
    [InlineData("timeRange(14, 0, 14, 45)", "true")]
    [InlineData("timeRange(14, 31, 0, 15, 0, 0)", "false")]
    [InlineData("timeRange(14, 29, 59, 14, 30, 0, 'GMT')", "true")]
    [InlineData("dateRange('MAR')", "true")]
    [InlineData("dateRange(6)", "true")]
    [InlineData("dateRange(2024)", "true")]
    [InlineData("dateRange(2023)", "false")]
    [InlineData("dateRange('JAN', 'FEB')", "false")]
    [InlineData("dateRange('DEC', 'MAR')", "true")]
    [InlineData("dateRange(1, 'MAR', 31, 'MAR')", "true")]
    [InlineData("dateRange(1, 'MAR', 2024, 5, 'MAR', 2024)", "false")]
    [InlineData("dateRange(1, 10)", "true")]
    public void StandardHelpers(string expression, string expected) => Assert.Equal(expected, JsTestHost.Eval(expression));

    [Theory]
    [InlineData("weekdayRange('THU')", "true")]
    [InlineData("weekdayRange('THU', 'GMT')", "false")]
    [InlineData("weekdayRange('WED', 'GMT')", "true")]
    [InlineData("timeRange(9)", "true")]
    [InlineData("timeRange(23, 'GMT')", "true")]
    [InlineData("dateRange(7)", "true")]
    [InlineData("dateRange(6, 'GMT')", "true")]
    [InlineData("new Date().getHours() + ':' + new Date().getUTCHours()", "9:23")]
    public void LocalTimeDiffersFromGmt(string expression, string expected)
    {
        // 23:30 UTC on Wednesday is 09:30 on Thursday in UTC+10
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+10", TimeSpan.FromHours(10), "UTC+10", "UTC+10");
        var time = new FixedTime(new DateTimeOffset(2024, 3, 6, 23, 30, 0, TimeSpan.Zero), zone);
        Assert.Equal(expected, JsTestHost.Eval(expression, time));
    }
}
