using System.Collections;
using System.Runtime.InteropServices;

namespace AsperaNative.Core.Options;

/// <summary>
/// The <c>ASCLI_*</c> environment variables as option name/value pairs (<c>ASCLI_LOG_LEVEL</c> is <c>log_level</c>).
/// For this process they are read straight from its environment block: <see cref="Environment.GetEnvironmentVariables()"/>
/// copies every variable into a dictionary and then a hashtable, a twentieth of the start-up of <c>ascli -v</c>, where
/// only the few <c>ASCLI_</c> entries are wanted (other variables are read by name, with <c>getenv</c>).
/// </summary>
public static class EnvironmentOptions
{
    private const string Prefix = "ASCLI_";

    /// <summary>The options set by the variables of an environment given as a dictionary (tests, embedding).</summary>
    public static List<KeyValuePair<string, string>> Of(IDictionary variables)
    {
        var options = new List<KeyValuePair<string, string>>();
        var entries = variables.GetEnumerator();
        while (entries.MoveNext())
        {
            if (entries.Key is string name && entries.Value is string value) Add(options, name, value);
        }
        return options;
    }

    /// <summary>The options set by the variables of this process, in the order of its environment (the first of a name counts).</summary>
    public static List<KeyValuePair<string, string>> OfProcess()
    {
        IntPtr block;
        try { block = GetEnviron(); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Of(Environment.GetEnvironmentVariables());
        }
        var options = new List<KeyValuePair<string, string>>();
        if (block == IntPtr.Zero) return options;
        List<string>? seen = null;
        for (int i = 0; ; i++)
        {
            IntPtr entry = Marshal.ReadIntPtr(block, i * IntPtr.Size);
            if (entry == IntPtr.Zero) break;
            if (!StartsWithPrefix(entry)) continue;
            string text = Marshal.PtrToStringUTF8(entry) ?? "";
            int equals = text.IndexOf('=');
            if (equals <= 0) continue;
            string name = text[..equals];
            seen ??= [];
            if (seen.Contains(name)) continue;                    // as getenv and .NET: the first entry of a name
            seen.Add(name);
            Add(options, name, text[(equals + 1)..]);
        }
        return options;
    }

    private static void Add(List<KeyValuePair<string, string>> options, string name, string value)
    {
        if (name.StartsWith(Prefix, StringComparison.Ordinal)) options.Add(new(name[Prefix.Length..].ToLowerInvariant(), value));
    }

    private static bool StartsWithPrefix(IntPtr entry)
    {
        for (int i = 0; i < Prefix.Length; i++)
            if (Marshal.ReadByte(entry, i) != (byte)Prefix[i]) return false;
        return true;
    }

    // the runtime's own accessor of environ (statically linked into the executable, as the runtime uses it)
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_GetEnviron")]
    private static extern IntPtr GetEnviron();
}
