/**
 * The client of a request, shared by every feature: who it is ({@code ClientInfo}: address and user
 * agent; {@code ClientAddress} resolves the address behind trusted proxies, with {@code IpAddresses} for
 * ranges and the keys throttles count by), which request it is ({@code RequestId}, for log lines), and how
 * often it may ask ({@code RateLimiter}, the port of the token buckets). Depends on no feature.
 */
package dev.hallpass.client;
