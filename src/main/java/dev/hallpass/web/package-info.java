/**
 * What the features' web edges share: the {@code @Authenticated} binding of JAX-RS resources, the bearer
 * header ({@code BearerHeader}), cookie reading and the SameSite setting ({@code RequestCookies},
 * {@code SameSite}), how a Faces page shows a problem ({@code FacesFeedback}), and the sentences of the
 * pages in the reader's language: the Faces pages' bundle ({@code PageTexts}, {@code pages.properties})
 * and the static pages' and scripts' one ({@code BrowserTexts}, {@code GET /api/texts},
 * {@code browser.properties}). Depends on no feature.
 */
package dev.hallpass.web;
