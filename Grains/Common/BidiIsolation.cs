using System.Text;

namespace Conversations.Grains.Common;

/// <summary>
/// Keeps a user-supplied string from reordering the text around it when it is put into a line of our own (an email
/// subject, a sentence of an email): the explicit bidirectional controls it carries (embeddings, overrides, isolates
/// and marks: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are removed, and a string with right-to-left letters
/// is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so it is laid out on its own. A visitor named
/// "\u202Eevil.exe" thus cannot turn the subject around it backwards.
/// </summary>
public static class BidiIsolation
{
    public const char FirstStrongIsolate = '\u2068';

    public const char PopDirectionalIsolate = '\u2069';

    public static string Isolate(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        var rightToLeft = false;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (IsControl(rune.Value))
            {
                continue;
            }

            rightToLeft |= IsRightToLeft(rune.Value);
            builder.Append(rune.ToString());
        }

        return rightToLeft ? FirstStrongIsolate + builder.ToString() + PopDirectionalIsolate : builder.ToString();
    }

    private static bool IsControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;

    /// <summary>Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left blocks, and their presentation forms.</summary>
    private static bool IsRightToLeft(int c) =>
        c is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF) or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF);
}
