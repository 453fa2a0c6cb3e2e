using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Parley.Cli;

/// <summary>
/// A mistyped option is an error that names it and suggests the closest option of the command ("--dat": did you mean
/// --date?), never a path: commands that take paths would otherwise read "--dat" as a file name.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>Adds the check to a command and every command under it.</summary>
    public static void Reject(Command command)
    {
        command.Validators.Add(result =>
        {
            foreach (var child in result.Children)
            {
                if (child is not ArgumentResult argument) continue;
                foreach (var token in argument.Tokens)
                    if (LooksLikeOption(token.Value)) result.AddError(Message(result.Command, token.Value));
            }
        });
        foreach (var sub in command.Subcommands) Reject(sub);
    }

    /// <summary>The errors of a parse, with unknown options said plainly; empty when it parsed.</summary>
    public static List<string> Errors(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var messages = new List<string>();
        foreach (var token in parse.UnmatchedTokens)
            if (LooksLikeOption(token)) messages.Add(Message(command, token));
        bool unknownOption = messages.Count > 0;
        foreach (var error in parse.Errors)
        {
            // Unmatched tokens are reported above in our words; after an unknown option, the words that follow it
            // are most likely its value, not errors of their own.
            if (unknownOption && parse.UnmatchedTokens.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))) continue;
            if (!messages.Contains(error.Message)) messages.Add(error.Message);
        }
        return messages;
    }

    /// <summary>"-x" or "--name" that is not "-" (standard input), a number, or an existing file.</summary>
    private static bool LooksLikeOption(string value) =>
        value.Length > 1 && value[0] == '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        && !File.Exists(value) && !Directory.Exists(value);

    private static string Message(Command command, string token)
    {
        string name = token.Split('=', 2)[0];
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var option in command.Options.Concat(Ancestors(command).SelectMany(c => c.Options.Where(o => o.Recursive))))
        {
            foreach (var alias in option.Aliases.Prepend(option.Name))
            {
                int d = Distance(name, alias);
                if (alias.StartsWith(name, StringComparison.Ordinal) && name.Length >= 3) d = Math.Min(d, 1);
                if (d < bestDistance) { bestDistance = d; best = option.Name; }
            }
        }
        string suggestion = best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? $" (did you mean {best}?)" : "";
        return $"unknown option '{name}'{suggestion}; see parley {CommandPath(command)} --help".Replace("parley  ", "parley ", StringComparison.Ordinal);
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        foreach (var parent in command.Parents)
        {
            if (parent is not Command c) continue;
            yield return c;
            foreach (var a in Ancestors(c)) yield return a;
        }
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null && c is not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault()) names.Insert(0, c.Name);
        return string.Join(' ', names);
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
