-- Privileges of a node's role for the database route: insert an enrolment request, nothing
-- else: no reading (not even its own row), no updating, no other table. Run by the schema owner
-- after the migrations. {schema} and {role} are replaced by validated, quoted identifiers.
GRANT USAGE ON SCHEMA {schema} TO {role};
GRANT INSERT (token, server_name, panel_url, panel_username, panel_password, panel_api_token, cert_sha256, inbound_port, reality_sni)
    ON {schema}.node_enrollments TO {role};
