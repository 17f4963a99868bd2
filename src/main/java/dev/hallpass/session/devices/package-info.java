/**
 * "My devices": a user's live sessions ({@code GET /api/sessions}) and ending the others, always after
 * the password again ({@code MyDevices}, the one place that does it, for the API and the page).
 */
package dev.hallpass.session.devices;
