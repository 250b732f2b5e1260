using AsperaNative.Cli.Application;

return await CliApplication.RunAsync(args, AsperaNative.Core.Terminal.Terminal.FromConsole(), Environment.GetEnvironmentVariables());
