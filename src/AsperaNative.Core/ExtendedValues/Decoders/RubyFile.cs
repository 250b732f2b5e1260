using AsperaNative.Core.Errors;

namespace AsperaNative.Core.ExtendedValues.Decoders;

/// <summary>Ruby's <c>File.expand_path</c> and <c>File.read</c>, with Ruby's <c>Errno</c> messages.</summary>
internal static class RubyFile
{
    /// <summary><c>~</c> and <c>~/…</c> become the home folder; relative paths are made absolute; <c>.</c> and <c>..</c> resolved.</summary>
    public static string ExpandPath(string path, ExtendedValueContext context)
    {
        if (path == "~") path = context.HomeFolder;
        else if (path.StartsWith("~/", StringComparison.Ordinal)) path = Path.Combine(context.HomeFolder, path[2..]);
        return Path.GetFullPath(path, context.CurrentFolder ?? Environment.CurrentDirectory);
    }

    public static byte[] ReadBytes(string absolutePath)
    {
        try
        {
            return File.ReadAllBytes(absolutePath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.Other("Errno::ENOENT", "No such file or directory @ rb_sysopen - " + absolutePath);
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(absolutePath))
        {
            throw CliException.Other("Errno::EISDIR", "Is a directory @ io_fread - " + absolutePath);
        }
        catch (UnauthorizedAccessException)
        {
            throw CliException.Other("Errno::EACCES", "Permission denied @ rb_sysopen - " + absolutePath);
        }
        catch (IOException) when (Directory.Exists(absolutePath))
        {
            throw CliException.Other("Errno::EISDIR", "Is a directory @ io_fread - " + absolutePath);
        }
    }
}
