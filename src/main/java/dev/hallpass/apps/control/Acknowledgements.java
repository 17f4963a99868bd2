package dev.hallpass.apps.control;

import java.util.List;
import java.util.Set;

/**
 * How far a receiver's acknowledgements move its stream (RFC 8936 acknowledges SETs one by one): the
 * position advances over the entries after it, in order, as long as each was acknowledged. An entry
 * acknowledged behind one that was not stays pending and is sent again: delivery is at least once and in
 * order, never a gap.
 */
public final class Acknowledgements {

    private Acknowledgements() {
    }

    /** The new acknowledged position, given the stream's entries after {@code ackedThrough} in order. */
    public static long advance(long ackedThrough, List<Long> pendingInOrder, Set<Long> acknowledged) {
        long position = ackedThrough;
        for (long pending : pendingInOrder) {
            if (!acknowledged.contains(pending)) {
                break;
            }
            position = pending;
        }
        return position;
    }

    /** The SET id of an entry in a stream: the position, then the stream (so no two SETs share one). */
    public static String jti(String streamId, long position) {
        return position + "." + streamId;
    }

    /** The position a SET id of this stream names, or -1 for anything else. */
    public static long position(String streamId, String jti) {
        if (jti == null || !jti.endsWith("." + streamId)) {
            return -1;
        }
        try {
            long position = Long.parseLong(jti.substring(0, jti.length() - streamId.length() - 1));
            return position > 0 ? position : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
