using AsperaNative.Asession;
using ConsoleAppFramework;

// asession: one argument, a session specification (extended value); default @json:@stdin:
ConsoleApp.Run(args, ([Argument] string? session = null) => SessionCommand.Run(session));
