/**
 * What the features' web edges share: the {@code @Authenticated} binding of JAX-RS resources, the bearer
 * header ({@code BearerHeader}), cookie reading and the SameSite setting ({@code RequestCookies},
 * {@code SameSite}), and how a Faces page shows a problem ({@code FacesFeedback}). Depends on no feature.
 */
package dev.hallpass.web;
