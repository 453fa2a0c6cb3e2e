namespace Parley.Core.Text;

/// <summary>Classes of characters every text scanner agrees on: typographic variants folded to ASCII, quote marks.</summary>
public static class TextChars
{
    /// <summary>Folds typographic variants to their ASCII forms (curly quotes and apostrophes, dashes, no-break space).</summary>
    public static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u201E' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-',
        '\u00A0' => ' ',
        _ => c,
    };

    /// <summary>True for characters that are quote marks (or apostrophes) of any kind.</summary>
    public static bool IsQuote(char c) => Fold(c) is '"' or '\'';

    /// <summary>The word with its first letter upper-case (invariant culture): "president" -> "President"; the word itself when it does not start lower-case.</summary>
    public static string Capitalised(string word) =>
        word.Length == 0 || !char.IsLower(word[0]) ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
