// Stand-in of Aspera's ascmd: reads "as_<op> "arg"..." lines on standard input until as_exit, answers each with a
// typed binary record on standard output (after an initial info record), operating on the real file system.
using System.Text;
using AsperaNative.Emulators.Ascmd;

var output = Console.OpenStandardOutput();
var reply = new Reply();
reply.Info(FileSystem.InfoFields());
using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
while (input.ReadLine() is { } line)
{
    var words = CommandLine.Split(line);
    if (words.Count == 0) continue;
    if (words[0] == "as_exit") break;
    Dispatch(reply, words[0], words.Skip(1).ToList());
}
output.Write(reply.ToArray());
output.Flush();
return 0;

static void Dispatch(Reply reply, string command, List<string> args)
{
    try
    {
        switch (command)
        {
            case "as_ls": FileSystem.List(reply, Arg(args, 0)); break;
            case "as_mkdir": FileSystem.MakeDirectory(Arg(args, 0)); reply.Success(); break;
            case "as_mv": FileSystem.Move(Arg(args, 0), Arg(args, 1)); reply.Success(); break;
            case "as_cp": FileSystem.Copy(Arg(args, 0), Arg(args, 1)); reply.Success(); break;
            case "as_rm": FileSystem.Remove(Arg(args, 0)); reply.Success(); break;
            case "as_du": reply.Size(FileSystem.Usage(Arg(args, 0))); break;
            case "as_md5sum": reply.Md5(FileSystem.Md5(Arg(args, 0))); break;
            case "as_df": reply.Mounts(FileSystem.Mounts()); break;
            case "as_info": reply.Info(FileSystem.InfoFields()); break;
            default: reply.Error(22, "Invalid argument"); break;
        }
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException or FileSystemError)
    {
        int errno = FileSystem.ErrnoOf(e);
        reply.Error(errno, FileSystem.Strerror(errno));
    }
}

static string Arg(List<string> args, int index) => index < args.Count ? args[index] : throw new FileSystemError(22);

namespace AsperaNative.Emulators.Ascmd
{
    /// <summary>A failure with its POSIX error number.</summary>
    internal sealed class FileSystemError(int errno) : Exception
    {
        public int Errno { get; } = errno;
    }

    /// <summary>Splits <c>as_ls "a b" "c\"d"</c>: a word, then double-quoted strings with backslash escapes.</summary>
    internal static class CommandLine
    {
        public static List<string> Split(string line)
        {
            var words = new List<string>();
            int i = 0;
            while (i < line.Length)
            {
                if (line[i] == ' ') { i++; continue; }
                var word = new StringBuilder();
                if (line[i] == '"')
                {
                    for (i++; i < line.Length && line[i] != '"'; i++)
                    {
                        if (line[i] == '\\' && i + 1 < line.Length) i++;
                        word.Append(line[i]);
                    }
                    i++;
                }
                else
                {
                    while (i < line.Length && line[i] != ' ') word.Append(line[i++]);
                }
                words.Add(word.ToString());
            }
            return words;
        }
    }
}
