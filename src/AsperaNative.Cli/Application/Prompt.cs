using System.Text;

namespace AsperaNative.Cli.Application;

/// <summary>Asks the user on the terminal (only when standard input is a terminal); secrets without echo.</summary>
internal static class Prompt
{
    public static string? Ask(Core.Terminal.Terminal terminal, string question, bool secret)
    {
        if (!terminal.InputIsTerminal) return null;
        terminal.Err.Write(question + "> ");
        terminal.Err.Flush();
        if (!secret) return terminal.In.ReadLine();
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; continue; }
            text.Append(key.KeyChar);
        }
        terminal.Err.WriteLine();
        return text.ToString();
    }
}
