using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Governance.Core;

/// <summary>
/// Asks the processor to bring memory into cache ahead of use. A batch (the desk's, and the routing of a submit batch)
/// walks its items in a known order, so it can ask for an item's data a few items before it gets there and overlap the
/// misses instead of waiting on each in turn. Hints only: on processors without the instruction they do nothing, and
/// an address the garbage collector has moved since costs a wasted fetch, never a wrong result.
/// </summary>
internal static class CacheHint
{
    /// <summary>The cache lines holding <paramref name="lines"/> × 64 bytes from <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Fetch<T>(ref T at, int lines = 1)
    {
        if (Sse.IsSupported)
        {
            var address = (byte*)Unsafe.AsPointer(ref at);
            for (var line = 0; line < lines; line++)
            {
                Sse.Prefetch0(address + (line * 64));
            }
        }
    }

    /// <summary>The first cache line of <paramref name="item"/> (its header and first fields); nothing for null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Fetch(object? item)
    {
        if (Sse.IsSupported && item is not null)
        {
            Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref item));
        }
    }
}
