package dev.vpnbot.adapter.panel3xui.session;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Url;

/**
 * The 3x-ui routes this adapter uses, relative to the panel's base URL (which includes the
 * secret web base path). Answers are read raw: the status code matters as much as the body
 * (404 means "not logged in" on current panels), and a body may be HTML or empty.
 */
public interface PanelApi {

    // --- session ------------------------------------------------------------------------
    /** v3.x only: a CSRF token bound to the session cookie it sets. 404 on v2.x. */
    @GET("csrf-token")
    Call<ResponseBody> csrfToken();

    /** Retrofit leaves out a null field, so the two-factor code is sent only when there is one. */
    @FormUrlEncoded
    @POST("login")
    Call<ResponseBody> login(@Field("username") String username, @Field("password") String password,
                             @Field("twoFactorCode") String twoFactorCode);

    /** Any page, to tell "no such route" from "no such base path". */
    @GET
    Call<ResponseBody> page(@Url String url);

    // --- inbounds (all generations) -----------------------------------------------------
    @GET("panel/api/inbounds/list")
    Call<ResponseBody> inbounds();

    @GET("panel/api/inbounds/get/{id}")
    Call<ResponseBody> inbound(@Path("id") int id);

    @POST("panel/api/inbounds/add")
    Call<ResponseBody> addInbound(@Body JsonNode inbound);

    @POST("panel/api/inbounds/update/{id}")
    Call<ResponseBody> updateInbound(@Path("id") int id, @Body JsonNode inbound);

    // --- clients, v1.x – v3.0 ---------------------------------------------------------------
    /** Body {@code {"id": inboundId, "settings": "{\"clients\":[…]}"}}: several clients at once. */
    @POST("panel/api/inbounds/addClient")
    Call<ResponseBody> addClients(@Body JsonNode body);

    /** The stored client is REPLACED by the one sent: always send the full map. */
    @POST("panel/api/inbounds/updateClient/{clientId}")
    Call<ResponseBody> updateClient(@Path("clientId") String clientId, @Body JsonNode body);

    @POST("panel/api/inbounds/{id}/delClient/{clientId}")
    Call<ResponseBody> deleteClient(@Path("id") int inboundId, @Path("clientId") String clientId);

    @GET("panel/api/inbounds/getClientTraffics/{email}")
    Call<ResponseBody> clientTraffic(@Path("email") String email);

    /** MHSanaei/3x-ui@v2.8.11:web/controller/inbound.go#L46, #L306-L318 (v2.4.11:web/controller/api.go#L45). */
    @POST("panel/api/inbounds/{id}/resetClientTraffic/{email}")
    Call<ResponseBody> resetClientTraffic(@Path("id") int inboundId, @Path("email") String email);

    // --- clients, v3.1+ -------------------------------------------------------------------------
    @POST("panel/api/clients/add")
    Call<ResponseBody> addClientV3(@Body JsonNode body);

    @GET("panel/api/clients/get/{email}")
    Call<ResponseBody> clientV3(@Path("email") String email);

    @POST("panel/api/clients/update/{email}")
    Call<ResponseBody> updateClientV3(@Path("email") String email, @Body JsonNode client);

    @POST("panel/api/clients/del/{email}")
    Call<ResponseBody> deleteClientV3(@Path("email") String email);

    @GET("panel/api/clients/traffic/{email}")
    Call<ResponseBody> clientTrafficV3(@Path("email") String email);

    /** MHSanaei/3x-ui@v3.1.0:web/controller/client.go#L48, #L219-L229. */
    @POST("panel/api/clients/resetTraffic/{email}")
    Call<ResponseBody> resetClientTrafficV3(@Path("email") String email);

    // --- server and settings -------------------------------------------------------------
    /** v2.8+. */
    @GET("panel/api/server/status")
    Call<ResponseBody> status();

    /** Up to v2.7. */
    @POST("server/status")
    Call<ResponseBody> statusLegacy();

    /** v2.8+: a Reality key pair from the panel's own Xray binary. */
    @GET("panel/api/server/getNewX25519Cert")
    Call<ResponseBody> newX25519();

    /** Up to v2.7. */
    @POST("server/getNewX25519Cert")
    Call<ResponseBody> newX25519Legacy();

    /** Recent v3: settings under the API, so an API token can read them. */
    @POST("panel/api/setting/all")
    Call<ResponseBody> settingsV3();

    /** v1.x – early v3: a session-only UI route. */
    @POST("panel/setting/all")
    Call<ResponseBody> settings();
}
