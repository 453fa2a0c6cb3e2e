using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary>Parent commands ("build", "eval", "train") shared by several command files.</summary>
internal static class CommandGroups
{
    public static Command Eval(RootCommand root) => GetOrAdd(root, "eval", "Evaluates components on development data.");

    public static Command Build(RootCommand root) => GetOrAdd(root, "build", "Builds project data from the published sources in the shared data folder.");

    public static Command GetOrAdd(RootCommand root, string name, string description)
    {
        foreach (var c in root.Subcommands) if (c.Name == name) return c;
        var group = new Command(name, description);
        root.Subcommands.Add(group);
        return group;
    }
}
