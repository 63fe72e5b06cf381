package dev.vpnbot.adapter.heleket;

import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;

/**
 * Heleket's invoice endpoints as Retrofit sees them. Bodies go in as pre-built bytes so the
 * {@code sign} header covers exactly what is sent.
 */
interface HeleketApi {

    @POST("v1/payment")
    Call<HeleketReply<HeleketInvoice>> createInvoice(@Header("merchant") String merchant, @Header("sign") String sign,
                                                     @Body RequestBody body);

    @POST("v1/payment/info")
    Call<HeleketReply<HeleketInvoice>> paymentInfo(@Header("merchant") String merchant, @Header("sign") String sign,
                                                   @Body RequestBody body);
}
