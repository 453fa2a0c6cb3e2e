using Parley.Core;

namespace Parley.Knowledge.Dates;

internal enum Tense : byte { Unknown, Past, Future }

/// <summary>The part-of-speech ids that mark tense, when the document is tagged.</summary>
internal readonly record struct TenseTags(int Vbd, int Vbn, int Vb);

/// <summary>
/// Matches date expressions at a word position of a <see cref="DateWordScanner"/> scan and resolves them against the
/// publication date. Longest match at each position; the caller moves past a match.
/// </summary>
internal ref struct DateMatcher
{
    private const int TenseWindow = 15;
    private const int FlipAfterDays = 300;
    private const int FlipWithinDays = 45;
    private readonly ReadOnlySpan<DateWord> _w;
    private readonly string _text;
    private readonly DateOnly? _pub;
    private readonly Document? _taggedDoc;
    private readonly TenseTags _tags;
    private readonly DateLexicon _lexicon;
    private DateOnly? _anchor;
    private int _anchorSentence;

    public DateMatcher(ReadOnlySpan<DateWord> words, string text, DateOnly? published, Document? taggedDoc, DateLexicon lexicon)
    {
        _w = words;
        _text = text;
        _pub = published;
        _taggedDoc = taggedDoc;
        _lexicon = lexicon;
        _tags = lexicon.Tags;
        _anchor = null;
        _anchorSentence = -10;
    }

    /// <summary>Remembers a resolved day so that "a week later" can count from it.</summary>
    public void Accept(in DateMatch m)
    {
        if (m.Grain == DateGrain.Day && m.Date is not null)
        {
            _anchor = m.Date;
            _anchorSentence = _w[m.First].Sentence;
        }
    }

    public bool TryMatch(int i, out DateMatch m)
    {
        m = default;
        var w = _w[i];
        if (w.Kind == WordKind.Punct || w.Lex.Class is LexClass.PastVerb or LexClass.FutureCue) return false;
        if (IsKw(i, Kw.Approx) && TryRelative(i, i + 1, out m)) return true;
        if (IsKw(i, Kw.More) && IsKw(i + 1, Kw.Than) && TryRelative(i, i + 2, out m)) return true;
        if (TryRelative(i, i, out m)) return true;
        if (IsKw(i, Kw.The))
        {
            if (IsKw(i + 1, Kw.Weekend))
            {
                m = Weekend(i, i + 2, 2);
                return true;
            }
            if (IsPeriodEdge(i + 1) && IsKw(i + 2, Kw.Of)) return TryAfterOf(i, i + 3, out m);
            if (UnitAt(i + 1) == DateUnit.Day
                && (IsKw(i + 2, Kw.Before) && IsKw(i + 3, Kw.Yesterday) || IsKw(i + 2, Kw.After) && IsKw(i + 3, Kw.Tomorrow)))
            {
                m = Relative(i, i + 4, DateGrain.Day, IsKw(i + 3, Kw.Yesterday) ? -2 : 2);
                return true;
            }
            if (IsDayNumber(i + 1) && (_w[i + 1].Flags & WordFlags.Ordinal) != 0 && TryDayMonth(i + 1, out m))
            {
                m.First = i;
                return true;
            }
            return false;
        }
        if (IsPeriodEdge(i) && IsKw(i + 1, Kw.Of)) return TryAfterOf(i, i + 2, out m);
        if (IsModifier(i))
        {
            int k = i + 1;
            if (IsPunct(k, '-')) k++;
            if (k < _w.Length && TryCore(k, modified: true, out m))
            {
                m.First = i;
                return true;
            }
            return false;
        }
        return TryCore(i, modified: false, out m);
    }

    private bool TryCore(int i, bool modified, out DateMatch m)
    {
        m = default;
        if (i >= _w.Length) return false;
        ref readonly var w = ref _w[i];
        switch (w.Lex.Class)
        {
            case LexClass.Keyword:
                // "USA Today": a capitalised deictic word after a capitalised word names something.
                if ((Kw)w.Lex.Value is Kw.Today or Kw.Yesterday or Kw.Tomorrow or Kw.Tonight && (w.Flags & WordFlags.Capitalized) != 0
                    && i > 0 && SameSentence(i - 1, i) && _w[i - 1].Kind == WordKind.Alpha && (_w[i - 1].Flags & WordFlags.Capitalized) != 0
                    && _w[i - 1].Lex.Class != LexClass.Keyword)
                    return false;
                switch ((Kw)w.Lex.Value)
                {
                    case Kw.Today:
                        m = Relative(i, TimeOfDay(i + 1), DateGrain.Day, 0);
                        return true;
                    case Kw.Tonight:
                        m = Relative(i, i + 1, DateGrain.Day, 0);
                        return true;
                    case Kw.Yesterday:
                        m = Relative(i, TimeOfDay(i + 1), DateGrain.Day, -1);
                        return true;
                    case Kw.Tomorrow:
                        m = Relative(i, TimeOfDay(i + 1), DateGrain.Day, 1);
                        return true;
                    case Kw.Last or Kw.Next or Kw.This or Kw.Coming:
                        return TryDeictic(i, out m);
                    default:
                        return false;
                }
            case LexClass.Weekday:
                return TryWeekday(i, out m);
            case LexClass.Month:
                return TryMonth(i, modified, out m);
            case LexClass.None when w.Kind == WordKind.Digits:
                if (IsDayNumber(i) && TryDayMonth(i, out m)) return true;
                if (IsYear(i) && (modified || YearCueBefore(i)))
                {
                    m = new DateMatch(i, i + 1, DateGrain.Year, new DateOnly(w.Number, 1, 1));
                    return true;
                }
                return false;
            case LexClass.None when w.Kind == WordKind.NumericShape:
                return TryNumericDate(i, out m);
            default:
                return false;
        }
    }

    /// <summary>"last/next/this/coming" + weekday, week/month/year, weekend, night, month.</summary>
    private bool TryDeictic(int i, out DateMatch m)
    {
        m = default;
        var kind = (Kw)_w[i].Lex.Value;
        // "the next year", "the last week": counted from the narrative, or a duration, not from the publication date.
        if (kind is Kw.Last or Kw.Next && IsKw(i - 1, Kw.The) && SameSentence(i - 1, i)) return false;
        int k = i + 1;
        if (kind == Kw.This && IsKw(k, Kw.Coming))
        {
            kind = Kw.Coming;
            k++;
        }
        if (k >= _w.Length || !SameSentence(i, k)) return false;
        int offset = kind switch { Kw.Last => -1, Kw.This => 0, _ => 1 };
        ref readonly var w = ref _w[k];
        if (w.Lex.Class == LexClass.Weekday)
        {
            var day = (DayOfWeek)w.Lex.Value;
            DateOnly? date = _pub is not { } p ? null
                : offset < 0 ? DateArithmetic.Before(p, day)
                : offset > 0 ? DateArithmetic.After(p, day)
                : DateArithmetic.WeekdayInWeekOf(p, day);
            m = new DateMatch(i, TimeOfDay(k + 1), DateGrain.Day, date);
            return true;
        }
        if (w.Lex.Class == LexClass.Unit && (DateUnit)w.Lex.Value is DateUnit.Week or DateUnit.Month or DateUnit.Year)
        {
            m = ThisUnit(i, k + 1, (DateUnit)w.Lex.Value, offset);
            return true;
        }
        if (IsKw(k, Kw.Weekend))
        {
            m = Weekend(i, k + 1, offset);
            return true;
        }
        if (IsKw(k, Kw.Night) || IsKw(k, Kw.Morning) || IsKw(k, Kw.Afternoon) || IsKw(k, Kw.Evening))
        {
            if (kind == Kw.Last)
            {
                m = Relative(i, k + 1, DateGrain.Day, -1);
                return true;
            }
            if (kind == Kw.This)
            {
                m = Relative(i, k + 1, DateGrain.Day, 0);
                return true;
            }
            return false;
        }
        if (w.Lex.Class == LexClass.Month && (w.Flags & WordFlags.Capitalized) != 0 && (w.Lex.Flags & LexFlags.Abbreviation) == 0)
        {
            int month = w.Lex.Value;
            DateOnly? date = _pub is not { } p ? null
                : offset < 0 ? DateArithmetic.Month(DateArithmetic.AddMonthsToMonth(p, -1), month, DateDirection.OnOrBefore)
                : offset > 0 ? DateArithmetic.Month(DateArithmetic.AddMonthsToMonth(p, 1), month, DateDirection.OnOrAfter)
                : new DateOnly(p.Year, month, 1);
            m = new DateMatch(i, k + 1, DateGrain.Month, date);
            return true;
        }
        return false;
    }

    private bool TryWeekday(int i, out DateMatch m)
    {
        var day = (DayOfWeek)_w[i].Lex.Value;
        int k = i + 1;
        if (IsPunct(k, ',')) k++;
        // "Wednesday, December 4, 2019": the explicit date decides.
        if (k < _w.Length && SameSentence(i, k))
        {
            if (_w[k].Lex.Class == LexClass.Month && TryMonth(k, true, out m) && m.Grain == DateGrain.Day
                || IsDayNumber(k) && TryDayMonth(k, out m))
            {
                m.First = i;
                return true;
            }
        }
        // "the Sunday Times", "Sunday Telegraph reported": a weekday naming something.
        if (i + 1 < _w.Length && SameSentence(i, i + 1))
        {
            ref readonly var next = ref _w[i + 1];
            bool nextIsName = next.Kind == WordKind.Alpha && (next.Flags & WordFlags.Capitalized) != 0
                && next.Lex.Class != LexClass.Month && next.Lex.Class != LexClass.Keyword;
            if (nextIsName && !CueBefore(i))
            {
                m = default;
                return false;
            }
        }
        int end = TimeOfDay(i + 1);
        DateOnly? date = null;
        if (_pub is { } p)
        {
            var direction = TenseAround(i, end) == Tense.Future ? DateDirection.OnOrAfter : DateDirection.OnOrBefore;
            date = DateArithmetic.Weekday(p, day, direction);
        }
        m = new DateMatch(i, end, DateGrain.Day, date);
        return true;
    }

    private bool TryMonth(int i, bool modified, out DateMatch m)
    {
        m = default;
        ref readonly var w = ref _w[i];
        int month = w.Lex.Value;
        bool capitalized = (w.Flags & WordFlags.Capitalized) != 0;
        bool abbreviation = (w.Lex.Flags & LexFlags.Abbreviation) != 0;
        if ((w.Lex.Flags & (LexFlags.Ambiguous | LexFlags.Abbreviation)) != 0 && !capitalized) return false;
        int k = i + 1;
        if (abbreviation && IsPunct(k, '.')) k++;
        if (IsDayNumber(k) && !IsPunct(k + 1, ':'))
        {
            int day = _w[k].Number;
            k++;
            int yearAt = IsPunct(k, ',') && IsYear(k + 1) ? k + 1 : IsYear(k) ? k : -1;
            if (yearAt < 0 && RelativeYearAt(k, out int ofYear, out int ofEnd)) return TryDayOfYear(i, ofEnd, ofYear, month, day, out m);
            return TryDay(i, k, yearAt, month, day, out m);
        }
        if (IsYear(k))
        {
            m = new DateMatch(i, k + 1, DateGrain.Month, new DateOnly(_w[k].Number, month, 1));
            return true;
        }
        // "in March last year", "March of next year": the month of the year the phrase names.
        if (capitalized && !abbreviation && RelativeYearAt(k, out int relYear, out int relEnd))
        {
            m = new DateMatch(i, relEnd, DateGrain.Month, new DateOnly(relYear, month, 1));
            return true;
        }
        if (abbreviation || !capitalized || !(modified || MonthCueBefore(i))) return false;
        // "to May's Brexit deal": a possessive makes it a name.
        if (IsPunct(i + 1, '\'') || IsPunct(i + 1, '\u2019')) return false;
        DateOnly? date = null;
        if (_pub is { } p) date = DateArithmetic.Month(p, month, Direction(TenseAround(i, i + 1)));
        m = new DateMatch(i, i + 1, DateGrain.Month, date);
        return true;
    }

    /// <summary>"7 September", "7th of September 2019", "the 7th of September".</summary>
    private bool TryDayMonth(int i, out DateMatch m)
    {
        m = default;
        int day = _w[i].Number;
        int k = i + 1;
        if (IsKw(k, Kw.Of)) k++;
        if (k >= _w.Length || _w[k].Lex.Class != LexClass.Month || !SameSentence(i, k)) return false;
        ref readonly var w = ref _w[k];
        if ((w.Lex.Flags & (LexFlags.Ambiguous | LexFlags.Abbreviation)) != 0 && (w.Flags & WordFlags.Capitalized) == 0) return false;
        int month = w.Lex.Value;
        k++;
        if ((w.Lex.Flags & LexFlags.Abbreviation) != 0 && IsPunct(k, '.')) k++;
        int yearAt = IsYear(k) ? k : IsPunct(k, ',') && IsYear(k + 1) ? k + 1 : -1;
        if (yearAt < 0 && RelativeYearAt(k, out int ofYear, out int ofEnd)) return TryDayOfYear(i, ofEnd, ofYear, month, day, out m);
        return TryDay(i, k, yearAt, month, day, out m);
    }

    /// <summary>
    /// "(of) last year", "(of) this year", "(of) next year" at word <paramref name="k"/>, after a month or a day of one ("On
    /// March 18 of last year"): the year it names from the publication date, and the word after the phrase. Without it the
    /// day would be read as the nearest March 18, in the wrong year.
    /// </summary>
    private readonly bool RelativeYearAt(int k, out int year, out int end)
    {
        year = 0;
        end = k;
        if (_pub is not { } p || k >= _w.Length || !SameSentence(k - 1, k)) return false;
        int j = IsKw(k, Kw.Of) ? k + 1 : k;
        int offset = IsKw(j, Kw.Last) ? -1 : IsKw(j, Kw.Next) ? 1 : IsKw(j, Kw.This) ? 0 : int.MinValue;
        if (offset == int.MinValue || UnitAt(j + 1) != DateUnit.Year || !SameSentence(k, j + 1)) return false;
        year = p.Year + offset;
        end = j + 2;
        return true;
    }

    /// <summary>A day of a month in a year named relative to the publication (<see cref="RelativeYearAt"/>); an impossible
    /// date is no match.</summary>
    private static bool TryDayOfYear(int first, int end, int year, int month, int day, out DateMatch m)
    {
        m = default;
        if (!DateArithmetic.IsValid(year, month, day)) return false;
        m = new DateMatch(first, end, DateGrain.Day, new DateOnly(year, month, day));
        return true;
    }

    /// <summary>
    /// A day of a month starting at word <paramref name="first"/>: with the year written at <paramref name="yearAt"/>
    /// (an impossible date is no match), else (-1) the month and day alone, ending before <paramref name="end"/>.
    /// </summary>
    private bool TryDay(int first, int end, int yearAt, int month, int day, out DateMatch m)
    {
        if (yearAt < 0) return TryMonthDayWithoutYear(first, end, month, day, out m);
        m = default;
        int year = _w[yearAt].Number;
        if (!DateArithmetic.IsValid(year, month, day)) return false;
        m = new DateMatch(first, yearAt + 1, DateGrain.Day, new DateOnly(year, month, day));
        return true;
    }

    private bool TryMonthDayWithoutYear(int first, int end, int month, int day, out DateMatch m)
    {
        m = default;
        if (day > (month == 2 ? 29 : DateTime.DaysInMonth(2001, month))) return false;
        DateOnly? date = null;
        if (_pub is { } p)
        {
            var direction = Direction(TenseAround(first, end));
            date = DateArithmetic.MonthDay(p, month, day, direction);
            if (date is null) return false;
            // A tense cue that points almost a year (or, for February 29, years) away while the other direction is
            // within weeks is more likely misread than right ("announced that from June 15 masks would be required").
            if (direction != DateDirection.Nearest && Math.Abs(date.Value.DayNumber - p.DayNumber) > FlipAfterDays)
            {
                var other = DateArithmetic.MonthDay(p, month, day,
                    direction == DateDirection.OnOrBefore ? DateDirection.OnOrAfter : DateDirection.OnOrBefore);
                if (other is { } o && Math.Abs(o.DayNumber - p.DayNumber) <= FlipWithinDays) date = o;
            }
        }
        m = new DateMatch(first, end, DateGrain.Day, date);
        return true;
    }

    /// <summary>ISO 2019-12-04, 2019/12/04, US 12/04/2019 (day first when the first part exceeds 12), 04.12.2019 day first.</summary>
    private bool TryNumericDate(int i, out DateMatch m)
    {
        m = default;
        var s = _text.AsSpan(_w[i].Start, _w[i].End - _w[i].Start);
        Span<int> values = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        int parts = 0, start = 0;
        char separator = '\0';
        for (int k = 0; k <= s.Length; k++)
        {
            if (k < s.Length && char.IsAsciiDigit(s[k])) continue;
            if (k < s.Length && !(s[k] is '-' or '/' or '.')) return false;
            if (parts == 3 || k - start > 4) return false;
            if (k < s.Length)
            {
                if (separator == '\0') separator = s[k];
                else if (separator != s[k]) return false;
            }
            lengths[parts] = k - start;
            values[parts++] = int.Parse(s[start..k], provider: System.Globalization.CultureInfo.InvariantCulture);
            start = k + 1;
        }
        if (parts != 3) return false;
        int year, month, day;
        if (lengths[0] == 4)
        {
            if (lengths[1] > 2 || lengths[2] > 2) return false;
            (year, month, day) = (values[0], values[1], values[2]);
        }
        else
        {
            if (lengths[0] > 2 || lengths[1] > 2 || lengths[2] is not (4 or 2)) return false;
            year = lengths[2] == 2 ? (values[2] < 50 ? 2000 + values[2] : 1900 + values[2]) : values[2];
            bool dayFirst = separator == '.' || values[0] > 12 && values[1] <= 12;
            (month, day) = dayFirst ? (values[1], values[0]) : (values[0], values[1]);
        }
        if (year < 1000 || !DateArithmetic.IsValid(year, month, day)) return false;
        m = new DateMatch(i, i + 1, DateGrain.Day, new DateOnly(year, month, day));
        return true;
    }

    /// <summary>"two days ago", "a week later", "three months after September 7", "two years from now".</summary>
    private bool TryRelative(int first, int j, out DateMatch m)
    {
        m = default;
        if (j + 2 >= _w.Length) return false;
        ref readonly var w = ref _w[j];
        int n;
        if (w.Lex.Class == LexClass.Number) n = w.Lex.Value;
        else if (w.Kind == WordKind.Digits && (w.Flags & (WordFlags.Ordinal | WordFlags.Suffixed)) == 0 && w.Number is > 0 and < 1000) n = w.Number;
        else return false;
        var unit = UnitAt(j + 1);
        if (unit == DateUnit.None) return false;
        var grain = GrainOf(unit);
        int t = j + 2;
        if (IsKw(t, Kw.Ago))
        {
            m = new DateMatch(first, t + 1, grain, _pub is { } p ? Offset(p, unit, -n) : null);
            return true;
        }
        if (IsKw(t, Kw.From) && IsKw(t + 1, Kw.Now))
        {
            m = new DateMatch(first, t + 2, grain, _pub is { } p ? Offset(p, unit, n) : null);
            return true;
        }
        bool forward = IsKw(t, Kw.Later) || IsKw(t, Kw.After);
        bool backward = IsKw(t, Kw.Earlier) || IsKw(t, Kw.Before);
        if (!forward && !backward) return false;
        int sign = forward ? 1 : -1;
        // An explicit anchor right after: "three months after September 7".
        if ((IsKw(t, Kw.After) || IsKw(t, Kw.Before)) && t + 1 < _w.Length && SameSentence(t, t + 1)
            && TryCore(t + 1, false, out var anchorMatch) && anchorMatch.Date is { } explicitAnchor)
        {
            m = new DateMatch(first, anchorMatch.End, grain, Offset(explicitAnchor, unit, sign * n));
            return true;
        }
        // A day mentioned in this or the previous sentence: "He was arrested on May 3. A week later ...".
        // ("two weeks before the proclamation" counts from the event that follows, not from an earlier date.)
        if ((IsKw(t, Kw.Later) || IsKw(t, Kw.Earlier)) && _anchor is { } anchor && _w[first].Sentence - _anchorSentence <= 1)
        {
            m = new DateMatch(first, t + 1, grain, Offset(anchor, unit, sign * n));
            return true;
        }
        DateOnly? date = null;
        if (_pub is { } pub)
        {
            // Without an anchor, the publication date is the reference: "N units later/after" in a future clause
            // counts forward from it; otherwise the expression places its clause at the article's present.
            date = backward ? Offset(pub, unit, -n)
                : TenseAround(first, t + 1) == Tense.Future ? Offset(pub, unit, n)
                : pub;
        }
        m = new DateMatch(first, t + 1, grain, date);
        return true;
    }

    private bool TryAfterOf(int first, int k, out DateMatch m)
    {
        if (IsKw(k, Kw.The) && UnitAt(k + 1) is DateUnit.Week or DateUnit.Month or DateUnit.Year)
        {
            m = ThisUnit(first, k + 2, UnitAt(k + 1), 0);
            return true;
        }
        if (TryCore(k, true, out m))
        {
            m.First = first;
            return true;
        }
        return false;
    }

    private readonly DateMatch Relative(int first, int end, DateGrain grain, int days) =>
        new(first, end, grain, _pub is { } p ? p.AddDays(days) : null);

    private readonly DateMatch ThisUnit(int first, int end, DateUnit unit, int offset) =>
        new(first, end, GrainOf(unit), _pub is { } p ? Offset(p, unit, offset) : null);

    /// <summary>A weekend as the ISO week of its Saturday. mode: -1 last, 0 this, 1 next, 2 "the weekend" by tense.</summary>
    private readonly DateMatch Weekend(int first, int end, int mode)
    {
        DateOnly? date = null;
        if (_pub is { } p)
        {
            var monday = DateArithmetic.MondayOf(p);
            if (mode == 2)
            {
                bool future = TenseAround(first, end) == Tense.Future;
                bool inWeekend = p.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                mode = future ? (p.DayOfWeek == DayOfWeek.Sunday ? 1 : 0) : inWeekend ? 0 : -1;
            }
            date = monday.AddDays(5 + 7 * mode);
        }
        return new DateMatch(first, end, DateGrain.Week, date);
    }

    private static DateOnly Offset(DateOnly date, DateUnit unit, int n) => unit switch
    {
        DateUnit.Day => date.AddDays(n),
        DateUnit.Week => date.AddDays(7 * n),
        DateUnit.Month => date.AddMonths(n),
        _ => date.AddYears(n),
    };

    private static DateGrain GrainOf(DateUnit unit) => unit switch
    {
        DateUnit.Day => DateGrain.Day,
        DateUnit.Week => DateGrain.Week,
        DateUnit.Month => DateGrain.Month,
        _ => DateGrain.Year,
    };

    /// <summary>
    /// A month or a month-day without a year is the most recent one on or before the publication date, as a reader takes
    /// it, unless the tense says future.
    /// </summary>
    private static DateDirection Direction(Tense tense) => tense == Tense.Future ? DateDirection.OnOrAfter : DateDirection.OnOrBefore;

    // ---- tense ----

    /// <summary>
    /// The tense of the nearest tense-marking word in the expression's clause, looking left first at each distance. The
    /// clause ends at the sentence's ends and at a colon, semicolon, quotation mark or bracket: "a statement it put out in
    /// July: "The people will decide"" takes its tense from "put", not from the quotation's "will".
    /// </summary>
    private readonly Tense TenseAround(int first, int end)
    {
        int sentence = _w[first].Sentence;
        bool leftOpen = true, rightOpen = true;
        for (int d = 1; d <= TenseWindow; d++)
        {
            int left = first - d, right = end - 1 + d;
            leftOpen = leftOpen && left >= 0 && _w[left].Sentence == sentence && !IsClauseEdge(left);
            rightOpen = rightOpen && right < _w.Length && _w[right].Sentence == sentence && !IsClauseEdge(right);
            if (!leftOpen && !rightOpen) break;
            if (leftOpen && WordTense(left) is var lt && lt != Tense.Unknown) return lt;
            if (rightOpen && WordTense(right) is var rt && rt != Tense.Unknown) return rt;
        }
        return Tense.Unknown;
    }

    private readonly bool IsClauseEdge(int k) =>
        _w[k].Kind == WordKind.Punct && _text[_w[k].Start] is ':' or ';' or '"' or '\u201C' or '\u201D' or '(' or ')' or '[' or ']' or '\u2014';

    private readonly Tense WordTense(int k)
    {
        ref readonly var w = ref _w[k];
        if (w.Kind != WordKind.Alpha) return Tense.Unknown;
        switch (w.Lex.Class)
        {
            case LexClass.FutureCue:
                // "is due to meet": the future; "broke out due to the shooting": a cause.
                return w.Lex.Value == DateLexicon.DueTo && IsKw(k + 1, Kw.To) && !IsFormOfBe(k - 1) && !IsKw(k + 2, Kw.Be) && !IsTaggedBaseVerb(k + 2)
                    ? Tense.Unknown : Tense.Future;
            case LexClass.PastVerb:
                // "will be held": a participle after a form of "be" takes its tense from the auxiliary.
                return IsFormOfBe(k - 1) && !IsFormOfBe(k) ? Tense.Unknown : Tense.Past;
            case LexClass.Keyword:
                switch ((Kw)w.Lex.Value)
                {
                    case Kw.Ll: return k > 0 && _w[k - 1].Kind == WordKind.Punct ? Tense.Future : Tense.Unknown;
                    case Kw.Is or Kw.Going: return IsKw(k + 1, Kw.To) ? Tense.Future : Tense.Unknown;
                    case Kw.Be: return IsKw(k - 1, Kw.To) ? Tense.Future : Tense.Unknown;
                    case Kw.Has: return IsKw(k + 1, Kw.Been) || k + 1 < _w.Length && WordTense(k + 1) == Tense.Past ? Tense.Past : Tense.Unknown;
                    case Kw.Yesterday or Kw.Ago: return Tense.Past;
                    case Kw.Tomorrow: return Tense.Future;
                    default: return Tense.Unknown;
                }
            case LexClass.None:
                break;
            default:
                return Tense.Unknown;
        }
        // A participle after a form of "be" ("will be signed", "is expected") takes its tense from the auxiliary.
        if (k > 0 && (IsKw(k - 1, Kw.Be) || IsKw(k - 1, Kw.Is) || IsKw(k - 1, Kw.Been))) return Tense.Unknown;
        if (_taggedDoc is not null)
        {
            int token = _taggedDoc.TokenAt(w.Start);
            if (token >= 0)
            {
                int xpos = _taggedDoc.Tokens[token].Xpos;
                if (xpos != 0) return xpos == _tags.Vbd || xpos == _tags.Vbn ? Tense.Past : Tense.Unknown;
            }
        }
        var span = _text.AsSpan(w.Start, w.End - w.Start);
        return (w.Flags & WordFlags.Capitalized) == 0 && _lexicon.LooksPast(span) ? Tense.Past : Tense.Unknown;
    }

    /// <summary>is, are, am, be, being, been, was, were.</summary>
    private readonly bool IsFormOfBe(int k)
    {
        if ((uint)k >= (uint)_w.Length) return false;
        return IsKw(k, Kw.Is) || IsKw(k, Kw.Be) || IsKw(k, Kw.Been)
            || _w[k].Lex.Class == LexClass.PastVerb && _w[k].Lex.Value == DateLexicon.PastOfBe;
    }

    /// <summary>The word is tagged as a verb's base form (VB), when the document is tagged.</summary>
    private readonly bool IsTaggedBaseVerb(int k)
    {
        if (_taggedDoc is null || (uint)k >= (uint)_w.Length) return false;
        int token = _taggedDoc.TokenAt(_w[k].Start);
        return token >= 0 && _taggedDoc.Tokens[token].Xpos == _tags.Vb;
    }

    // ---- word tests ----

    private readonly bool IsKw(int k, Kw kw) =>
        (uint)k < (uint)_w.Length && _w[k].Lex.Class == LexClass.Keyword && _w[k].Lex.Value == (byte)kw;

    private readonly bool IsPunct(int k, char c) =>
        (uint)k < (uint)_w.Length && _w[k].Kind == WordKind.Punct && _text[_w[k].Start] == c;

    private readonly bool SameSentence(int a, int b) => _w[a].Sentence == _w[b].Sentence;

    private readonly DateUnit UnitAt(int k) =>
        (uint)k < (uint)_w.Length && _w[k].Lex.Class == LexClass.Unit ? (DateUnit)_w[k].Lex.Value : DateUnit.None;

    private readonly bool IsDayNumber(int k) =>
        (uint)k < (uint)_w.Length && _w[k].Kind == WordKind.Digits && _w[k].Digits <= 2
        && (_w[k].Flags & WordFlags.Suffixed) == 0 && _w[k].Number is >= 1 and <= 31;

    private readonly bool IsYear(int k) =>
        (uint)k < (uint)_w.Length && _w[k].Kind == WordKind.Digits && _w[k].Digits == 4
        && (_w[k].Flags & (WordFlags.Suffixed | WordFlags.Ordinal)) == 0 && _w[k].Number is >= 1000 and <= 2999;

    private readonly bool IsModifier(int k) =>
        IsKw(k, Kw.Early) || IsKw(k, Kw.Late) || IsKw(k, Kw.Mid) || IsKw(k, Kw.Earlier) || IsKw(k, Kw.Later);

    private readonly bool IsPeriodEdge(int k) => IsKw(k, Kw.End) || IsKw(k, Kw.Beginning) || IsKw(k, Kw.Middle);

    private readonly int TimeOfDay(int k) =>
        IsKw(k, Kw.Morning) || IsKw(k, Kw.Afternoon) || IsKw(k, Kw.Evening) || IsKw(k, Kw.Night) ? k + 1 : k;

    /// <summary>A word before a weekday that makes it a date even when a capitalised word follows ("on Sunday Trump said").</summary>
    private readonly bool CueBefore(int i)
    {
        int k = i - 1;
        if (k < 0 || !SameSentence(k, i)) return false;
        if (IsPunct(k, ',')) return true;
        return _w[k].Lex.Class == LexClass.Keyword && _w[k].Lex.Value != (byte)Kw.The || _w[k].Lex.Class == LexClass.PastVerb;
    }

    private readonly bool MonthCueBefore(int i)
    {
        int k = i - 1;
        if (k < 0 || !SameSentence(k, i) || _w[k].Lex.Class != LexClass.Keyword) return false;
        return (Kw)_w[k].Lex.Value is Kw.Cue or Kw.From or Kw.To or Kw.Of or Kw.Before or Kw.After or Kw.Early or Kw.Late
            or Kw.Mid or Kw.Earlier or Kw.Later;
    }

    private readonly bool YearCueBefore(int i)
    {
        int k = i - 1;
        if (k < 0 || !SameSentence(k, i)) return false;
        if ((IsKw(k, Kw.To) || IsKw(k, Kw.And) || IsPunct(k, '-') || IsPunct(k, '\u2013')) && IsYear(k - 1)) return true;
        if (UnitAt(k) == DateUnit.Year && (_w[k].End - _w[k].Start) == 4) return true;
        return _w[k].Lex.Class == LexClass.Keyword
            && (Kw)_w[k].Lex.Value is Kw.Cue or Kw.From or Kw.Of or Kw.Before or Kw.After or Kw.Early or Kw.Late or Kw.Mid;
    }
}
