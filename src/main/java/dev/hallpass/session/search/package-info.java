/**
 * The console's view of sessions: search with exact counts, kills of one session, a user's or a
 * filter's ({@code SessionSearch}, {@code /api/admin/sessions}), and the dashboard's numbers
 * ({@code SessionActivity}), over the {@code SessionDirectory} port.
 */
package dev.hallpass.session.search;
