namespace AsperaNative.Rest.Proxy;

/// <summary>
/// The standard helper functions a proxy auto-config script may call (Netscape's PAC
/// specification). <c>dnsResolve</c> and <c>myIpAddress</c> are provided by the host.
/// </summary>
internal static class PacFunctions
{
    public const string Script = """
        function isPlainHostName(host) { return host.indexOf('.') < 0; }
        function dnsDomainIs(host, domain) {
          return host.length >= domain.length && host.substring(host.length - domain.length) == domain;
        }
        function localHostOrDomainIs(host, hostdom) {
          return host == hostdom || hostdom.lastIndexOf(host + '.', 0) == 0;
        }
        function isResolvable(host) { return dnsResolve(host) != null; }
        function __ipToNumber(ip) {
          var p = ip.split('.');
          if (p.length != 4) return null;
          var n = 0;
          for (var i = 0; i < 4; i++) {
            var v = parseInt(p[i], 10);
            if (isNaN(v) || v < 0 || v > 255) return null;
            n = n * 256 + v;
          }
          return n;
        }
        function isInNet(host, pattern, mask) {
          var ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : dnsResolve(host);
          if (ip == null) return false;
          var a = __ipToNumber(ip), p = __ipToNumber(pattern), m = __ipToNumber(mask);
          if (a == null || p == null || m == null) return false;
          for (var bit = 2147483648; bit >= 1; bit /= 2) {
            if (m >= bit) { m -= bit; if ((Math.floor(a / bit) % 2) != (Math.floor(p / bit) % 2)) return false; }
            else break;
          }
          return true;
        }
        function dnsDomainLevels(host) { return host.split('.').length - 1; }
        function convert_addr(ip) { return __ipToNumber(ip); }
        function shExpMatch(str, shexp) {
          var re = '^' + shexp.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$';
          return new RegExp(re).test(str);
        }
        var __days = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
        var __months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
        function __gmt(args) { return args.length > 0 && args[args.length - 1] == 'GMT'; }
        function weekdayRange(wd1, wd2, gmt) {
          var d = new Date(), today = __gmt(arguments) ? d.getUTCDay() : d.getDay();
          var a = __days.indexOf(wd1), b = (wd2 == null || wd2 == 'GMT') ? a : __days.indexOf(wd2);
          if (a < 0 || b < 0) return false;
          return a <= b ? (today >= a && today <= b) : (today >= a || today <= b);
        }
        function dateRange() {
          var args = Array.prototype.slice.call(arguments), utc = __gmt(args);
          if (utc) args.pop();
          var d = new Date();
          var now = { day: utc ? d.getUTCDate() : d.getDate(), month: utc ? d.getUTCMonth() : d.getMonth(), year: utc ? d.getUTCFullYear() : d.getFullYear() };
          function part(v) {
            if (typeof v == 'number') return v > 31 ? { year: v } : { day: v };
            var m = __months.indexOf(v); return m >= 0 ? { month: m } : {};
          }
          var parts = args.map(part);
          function value(p, ref) { return (p.year != null ? p.year : ref.year) * 10000 + (p.month != null ? p.month : ref.month) * 100 + (p.day != null ? p.day : ref.day); }
          if (parts.length == 1) {
            var p = parts[0];
            return (p.day == null || p.day == now.day) && (p.month == null || p.month == now.month) && (p.year == null || p.year == now.year);
          }
          var half = parts.length / 2, from = {}, to = {};
          for (var i = 0; i < half; i++) { Object.assign(from, parts[i]); Object.assign(to, parts[half + i]); }
          var v = value(now, now), lo = value(from, now), hi = value(to, now);
          return lo <= hi ? (v >= lo && v <= hi) : (v >= lo || v <= hi);
        }
        function timeRange() {
          var args = Array.prototype.slice.call(arguments), utc = __gmt(args);
          if (utc) args.pop();
          var d = new Date();
          var h = utc ? d.getUTCHours() : d.getHours(), m = utc ? d.getUTCMinutes() : d.getMinutes(), s = utc ? d.getUTCSeconds() : d.getSeconds();
          var now = h * 3600 + m * 60 + s;
          if (args.length == 1) return h == args[0];
          var lo, hi;
          if (args.length == 2) { lo = args[0] * 3600; hi = args[1] * 3600 + 3599; }
          else if (args.length == 4) { lo = args[0] * 3600 + args[1] * 60; hi = args[2] * 3600 + args[3] * 60 + 59; }
          else { lo = args[0] * 3600 + args[1] * 60 + args[2]; hi = args[3] * 3600 + args[4] * 60 + args[5]; }
          return lo <= hi ? (now >= lo && now <= hi) : (now >= lo || now <= hi);
        }

        """;
}
