/**
 * Live push of session ends and expiry warnings to browsers: {@code GET /api/events}
 * ({@code SessionEventResource}), this node's open streams ({@code SessionStreams}) and the sentence
 * each end reason is shown with ({@code SessionNotice}).
 */
package dev.hallpass.session.push;
