package dev.amends.review.reviews;

/** Where a review was posted. Only some platforms have an API to reply through. */
public enum Platform {
    GOOGLE, YELP, TRUSTPILOT, APPLE_APP_STORE, GOOGLE_PLAY, OTHER
}
