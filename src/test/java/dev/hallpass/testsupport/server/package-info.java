/**
 * Classes that tests add to the deployed WAR (never part of the product): a movable clock and a
 * probe that opens a container session.
 */
package dev.hallpass.testsupport.server;
