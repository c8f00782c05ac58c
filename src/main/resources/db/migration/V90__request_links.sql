-- Requests opened together from one mail ("delete my data and stop calling me"): one row each
-- way, so each request names the other. Follows the requests' own retention (deleted with them).
CREATE TABLE desk.request_link (
    request_id         BIGINT       NOT NULL,
    linked_request_id  BIGINT       NOT NULL,
    reason             VARCHAR(200) NOT NULL,
    linked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_request_link PRIMARY KEY (request_id, linked_request_id),
    CONSTRAINT fk_request_link_request FOREIGN KEY (request_id) REFERENCES desk.request (id) ON DELETE CASCADE,
    CONSTRAINT fk_request_link_linked FOREIGN KEY (linked_request_id) REFERENCES desk.request (id) ON DELETE CASCADE
);
