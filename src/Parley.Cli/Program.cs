using System.CommandLine;
using Parley.Cli;

// Errors a user can act on become one line on standard error, never a stack trace.
var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
try
{
    var root = ParleyCommands.Build();
    var parse = root.Parse(args);
    var errors = UnknownOptions.Errors(parse);
    if (errors.Count > 0)
    {
        string command = parse.CommandResult.Command is RootCommand ? "parley" : "parley " + parse.CommandResult.Command.Name;
        foreach (var error in errors) Console.Error.WriteLine($"{command}: {error}");
        return 1;
    }
    return await parse.InvokeAsync(config);
}
catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException or InvalidDataException)
{
    Console.Error.WriteLine($"parley: {ex.Message}");
    return ex is ArgumentException ? 1 : 2;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"parley: internal error: {ex.GetType().Name}: {ex.Message}");
    return 2;
}
