using System.CommandLine;

namespace Parley.Cli;

/// <summary>Registers the commands; each lives in its own file under Commands/.</summary>
internal static class ParleyCommands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Parley: news articles in, structured event data out.");
        root.Subcommands.Add(Commands.TrainCommand.Create());
        return root;
    }
}
