using System.Text;

namespace NewsMirror.Urls;

/// <summary>The IPv6 parser and the compressed serialisation of the WHATWG URL standard.</summary>
internal static class UrlIpv6
{
    public static bool TryParse(string input, out ushort[] pieces)
    {
        pieces = new ushort[8];
        int pieceIndex = 0;
        int? compress = null;
        int pointer = 0;
        // '\0' past the end: never equal to the '.' or ':' the parser looks for.
        char At(int i) => i < input.Length ? input[i] : '\0';
        bool AtEnd(int i) => i >= input.Length;

        if (At(0) == ':')
        {
            if (At(1) != ':') return false;
            pointer = 2;
            compress = ++pieceIndex;
        }
        while (!AtEnd(pointer))
        {
            if (pieceIndex == 8) return false;
            if (At(pointer) == ':')
            {
                if (compress is not null) return false;
                pointer++;
                compress = ++pieceIndex;
                continue;
            }
            int value = 0, length = 0;
            while (length < 4 && !AtEnd(pointer) && char.IsAsciiHexDigit(At(pointer)))
            {
                value = value * 16 + Convert.ToInt32(At(pointer).ToString(), 16);
                pointer++;
                length++;
            }
            if (At(pointer) == '.')
            {
                if (length == 0 || pieceIndex > 6) return false;
                return TryParseEmbeddedIpv4(input, pointer - length, pieces, pieceIndex, compress);
            }
            if (At(pointer) == ':')
            {
                pointer++;
                if (AtEnd(pointer)) return false;
            }
            else if (!AtEnd(pointer)) return false;
            pieces[pieceIndex++] = (ushort)value;
        }
        return Finish(pieces, pieceIndex, compress);
    }

    public static string Serialize(ushort[] pieces)
    {
        var (compressStart, compressLength) = LongestZeroRun(pieces);
        var output = new StringBuilder();
        for (int i = 0; i < 8; i++)
        {
            if (compressLength > 1 && i == compressStart)
            {
                output.Append(i == 0 ? "::" : ":");
                i += compressLength - 1;
                continue;
            }
            output.Append(pieces[i].ToString("x"));
            if (i != 7) output.Append(':');
        }
        return output.ToString();
    }

    private static bool TryParseEmbeddedIpv4(string input, int pointer, ushort[] pieces, int pieceIndex, int? compress)
    {
        int numbersSeen = 0;
        while (pointer < input.Length)
        {
            if (numbersSeen > 0)
            {
                if (input[pointer] != '.' || numbersSeen >= 4) return false;
                pointer++;
            }
            if (pointer >= input.Length || !char.IsAsciiDigit(input[pointer])) return false;
            int? piece = null;
            while (pointer < input.Length && char.IsAsciiDigit(input[pointer]))
            {
                int digit = input[pointer] - '0';
                if (piece == 0) return false;
                piece = piece is null ? digit : piece * 10 + digit;
                if (piece > 255) return false;
                pointer++;
            }
            pieces[pieceIndex] = (ushort)(pieces[pieceIndex] * 0x100 + piece!.Value);
            numbersSeen++;
            if (numbersSeen is 2 or 4) pieceIndex++;
        }
        return numbersSeen == 4 && Finish(pieces, pieceIndex, compress);
    }

    private static bool Finish(ushort[] pieces, int pieceIndex, int? compress)
    {
        if (compress is not { } start) return pieceIndex == 8;
        int swaps = pieceIndex - start;
        for (int index = 7; index != 0 && swaps > 0; index--, swaps--)
            (pieces[index], pieces[start + swaps - 1]) = (pieces[start + swaps - 1], pieces[index]);
        return true;
    }

    private static (int Start, int Length) LongestZeroRun(ushort[] pieces)
    {
        int bestStart = -1, bestLength = 0;
        for (int i = 0; i < 8;)
        {
            if (pieces[i] != 0) { i++; continue; }
            int start = i;
            while (i < 8 && pieces[i] == 0) i++;
            if (i - start > bestLength) (bestStart, bestLength) = (start, i - start);
        }
        return (bestStart, bestLength);
    }
}
